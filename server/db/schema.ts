import type { CalendarTables } from '../modules/calendar/tables.ts';
import type { DossiersTables } from '../modules/dossiers/tables.ts';
import type { CatalogueTables } from '../modules/catalogue/tables.ts';
import type { PaymentsTables } from '../modules/payments/tables.ts';
import type { UnitsTables } from '../modules/units/tables.ts';
import type { DraftsTables } from '../modules/drafts/tables.ts';
import type { RatingsTables } from '../modules/ratings/tables.ts';
import type { JobsTables } from '../jobs/tables.ts';
import type { NotificationsTables } from '../modules/notifications/tables.ts';
import type { IdentityTables } from '../modules/identity/tables.ts';
import type { AuditTables } from '../modules/audit/tables.ts';
import type { ReportsTables } from '../modules/reports/tables.ts';
import type { TimelinessTables } from '../modules/timeliness/tables.ts';
import type { SigningTables } from '../modules/signing/tables.ts';

/**
 * The whole database as Kysely sees it: each module declares its own tables in its `tables.ts`
 * and is listed here once.
 */
export interface DB
  extends
    UnitsTables,
    IdentityTables,
    AuditTables,
    CalendarTables,
    CatalogueTables,
    JobsTables,
    NotificationsTables,
    PaymentsTables,
    DossiersTables,
    ReportsTables,
    DraftsTables,
    RatingsTables,
    TimelinessTables,
    SigningTables {}
