import { ProcedureVersionInput } from '../../../shared/schemas/procedure.ts';
import type { AppContext } from '../../context.ts';
import type { SeedReport } from '../../db/demo-seed.ts';
import { readReferenceFile } from '../../db/reference-files.ts';
import { listAgencies } from '../units/service.ts';
import * as repo from './repository.ts';
import { DEMO_FORMS } from './seed-forms.ts';
import { cityAgencyKey, divisionOf, mapSample, tiersOf, timeLimitOf, type SampleProcedure } from './seed-mapping.ts';
import { constructionPermitWorkflow, defaultWorkflow } from './seed-workflows.ts';
import { createDraft, inTransaction, publishVersion } from './service.ts';

/**
 * Demo catalogue: the 62 real procedures of reference/procedures-sample.json as the 2018 versions,
 * published, with e-forms for the ones in DEMO_FORMS and a workflow for all. Idempotent: a procedure
 * that already has a version is left alone.
 */
export async function seedCatalogue(ctx: AppContext): Promise<SeedReport> {
  const file = await readReferenceFile('procedures-sample.json');
  const samples = (JSON.parse(file.text) as { procedures: SampleProcedure[] }).procedures;
  const existing = new Set(
    (
      await repo.findVersionsByCodes(
        ctx.db,
        samples.map((s) => s.code),
      )
    ).map((r) => r.code),
  );
  const todo = samples.filter((s) => !existing.has(s.code));
  if (todo.length === 0) return { lines: [] };

  // City departments, and the centrally managed bodies in the city (police, land registry office).
  const bodies = await Promise.all(
    (['city', 'central'] as const).map((level) =>
      listAgencies(ctx, { level, at: '2018-11-17', limit: 1000, offset: 0 }),
    ),
  );
  const idByKey = new Map(bodies.flatMap((b) => b.items).map((a) => [a.key, a.id]));
  const agencyId = (key: string) => idByKey.get(key);
  let forms = 0;
  await inTransaction(ctx, async (trx) => {
    const tctx = { ...ctx, db: trx };
    for (const sample of todo) {
      const tiers = tiersOf(sample);
      const key = tiers[0] === 'city' ? cityAgencyKey(sample) : undefined;
      const dept = key ? (agencyId(key) ?? null) : null;
      const workflow =
        sample.code === '1.013225' && idByKey.has('hn.so-quy-hoach-kien-truc')
          ? constructionPermitWorkflow(idByKey.get('hn.so-quy-hoach-kien-truc')!)
          : defaultWorkflow(tiers[0]!, timeLimitOf(sample), dept, divisionOf(sample));
      const data = mapSample(sample, agencyId, workflow);
      const form = DEMO_FORMS[sample.code];
      if (form) {
        data.eform = form(data.components);
        forms++;
      }
      const draft = await createDraft(tctx, ProcedureVersionInput.parse(data));
      await publishVersion(tctx, draft.code, draft.id);
    }
  });
  return {
    lines: [
      `Danh mục thủ tục: ${todo.length} thủ tục mẫu (2018), ${forms} có tờ khai điện tử / ${todo.length} procedures, ${forms} with e-forms`,
    ],
  };
}
