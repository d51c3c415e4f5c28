import type { AppContext } from '../../../context.ts';
import { AppError } from '../../../http/errors.ts';
import type { Actor } from '../../identity/service.ts';

/** Forms 01, 02, 03, 05 as A5 PDFs (filled in by the next commit). */
export async function renderForm(_ctx: AppContext, _actor: Actor, _id: string, _form: string): Promise<Buffer> {
  throw new AppError('UNAVAILABLE', { vi: 'Chưa có mẫu in.', en: 'Forms are not available yet.' });
}
