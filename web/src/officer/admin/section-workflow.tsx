import type { WorkflowStep } from '../../../../shared/schemas/procedure.ts';
import { limitInWorkingDays, totalBudget } from '../../../../shared/catalogue/workflow-budget.ts';
import { TextInput } from '../../components/form.tsx';
import { useOfficerI18n } from '../i18n.ts';
import { SelectInput } from '../fields.tsx';
import { numberValue, shownNumber } from './section-general.tsx';
import type { Editor } from './version-form.tsx';

const TIERS = ['receiving', 'commune', 'district', 'city'] as const;
const ROLES = ['receptionist', 'specialist', 'division_head', 'leader'] as const;

/**
 * The workflow builder: steps in order, each at a tier relative to the receiving unit (liên thông) or a
 * fixed agency, with a budget. Decree 61/2018 Art. 19: the budgets share the statutory time limit.
 */
export function WorkflowSection({ editor }: { editor: Editor }) {
  const { t } = useOfficerI18n();
  const { draft, set, error, readOnly } = editor;
  const steps = (draft.workflow ?? []) as Array<WorkflowStep>;
  const total = totalBudget(steps.map((s) => ({ budgetDays: Number.isNaN(s.budgetDays) ? 0 : s.budgetDays })));
  const limit = Number.isNaN(draft.timeLimit.value) ? null : limitInWorkingDays(draft.timeLimit);
  const move = (i: number, by: number) => {
    const next = [...steps];
    const [item] = next.splice(i, 1);
    if (item) next.splice(i + by, 0, item);
    set('workflow', next);
  };
  return (
    <section aria-labelledby="sec-workflow">
      <h2 id="sec-workflow">{t('officer.wf.title')}</h2>
      <p className={`budget-line${error('workflow') ? ' error-message' : ''}`} aria-live="polite" id="f-workflow">
        {t('officer.wf.total')}: <strong>{total}</strong>
        {limit !== null && (
          <>
            {' '}
            / {limit} {t('officer.wf.limit')}
          </>
        )}
        {error('workflow') && <> — {error('workflow')}</>}
      </p>
      <ol className="builder-list">
        {steps.map((s, i) => {
          const at = `workflow.${i}`;
          const byAgency = s.agencyId !== null && s.agencyId !== undefined;
          return (
            <li key={i} className="builder-item">
              <div className="row-grid">
                <TextInput
                  name={`${at}.name.vi`}
                  label={t('officer.wf.nameVi')}
                  value={s.name.vi}
                  error={error(`${at}.name.vi`)}
                  onChange={(e) => set(`${at}.name.vi`, e.target.value)}
                />
                <TextInput
                  name={`${at}.name.en`}
                  label={t('officer.wf.nameEn')}
                  value={s.name.en}
                  error={error(`${at}.name.en`)}
                  onChange={(e) => set(`${at}.name.en`, e.target.value)}
                />
                <SelectInput
                  name={`${at}.place`}
                  label={t('officer.wf.place')}
                  value={byAgency ? 'agency' : (s.tier ?? 'receiving')}
                  options={[
                    ...TIERS.map((tier) => ({ value: tier, label: t(`officer.wf.tier.${tier}`) })),
                    { value: 'agency', label: t('officer.wf.agency') },
                  ]}
                  onChange={(e) =>
                    set(
                      at,
                      e.target.value === 'agency'
                        ? { ...s, tier: null, agencyId: '' }
                        : { ...s, agencyId: null, tier: e.target.value },
                    )
                  }
                />
                {byAgency && (
                  <TextInput
                    name={`${at}.agencyId`}
                    label={t('officer.wf.agencyId')}
                    value={s.agencyId ?? ''}
                    error={error(`${at}.agencyId`)}
                    onChange={(e) => set(`${at}.agencyId`, e.target.value.trim())}
                  />
                )}
                <TextInput
                  name={`${at}.division`}
                  label={t('officer.wf.division')}
                  value={s.division ?? ''}
                  error={error(`${at}.division`)}
                  onChange={(e) => set(`${at}.division`, e.target.value.trim() === '' ? null : e.target.value.trim())}
                />
                <SelectInput
                  name={`${at}.role`}
                  label={t('officer.wf.role')}
                  value={s.role}
                  error={error(`${at}.role`)}
                  options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
                  onChange={(e) => set(`${at}.role`, e.target.value)}
                />
                <TextInput
                  name={`${at}.budgetDays`}
                  label={t('officer.wf.budget')}
                  inputMode="decimal"
                  value={shownNumber(s.budgetDays)}
                  error={error(`${at}.budgetDays`)}
                  onChange={(e) => set(`${at}.budgetDays`, numberValue(e.target.value))}
                />
              </div>
              {!readOnly && (
                <p className="item-tools">
                  <button type="button" className="link-inline" disabled={i === 0} onClick={() => move(i, -1)}>
                    {t('officer.builder.up')} <span className="visually-hidden">{s.name.vi}</span>
                  </button>
                  <button
                    type="button"
                    className="link-inline"
                    disabled={i === steps.length - 1}
                    onClick={() => move(i, 1)}
                  >
                    {t('officer.builder.down')} <span className="visually-hidden">{s.name.vi}</span>
                  </button>
                  <button
                    type="button"
                    className="link-inline"
                    onClick={() =>
                      set(
                        'workflow',
                        steps.filter((_, j) => j !== i),
                      )
                    }
                  >
                    {t('officer.builder.remove')} <span className="visually-hidden">{s.name.vi}</span>
                  </button>
                </p>
              )}
            </li>
          );
        })}
      </ol>
      {!readOnly && (
        <button
          type="button"
          className="button button-secondary"
          onClick={() =>
            set('workflow', [
              ...steps,
              {
                name: { vi: '', en: '' },
                agencyId: null,
                tier: 'receiving',
                division: null,
                role: 'specialist',
                budgetDays: 1,
              },
            ])
          }
        >
          {t('officer.wf.add')}
        </button>
      )}
    </section>
  );
}
