import { z } from 'zod';
import { ReportQuery } from '../../../shared/schemas/reports.ts';

export {
  Form07b,
  FormReport,
  Index766,
  PublicDashboard,
  ReportQuery,
  SpeedReport,
  TrackingLog,
} from '../../../shared/schemas/reports.ts';

export const SpeedQuery = ReportQuery.extend({
  by: z.enum(['procedure', 'unit']).default('unit').describe('One row per procedure, or per procedure and unit'),
});
export type SpeedQuery = z.infer<typeof SpeedQuery>;
