import { TextInput } from '../../components/form.tsx';
import { useOfficerI18n } from '../i18n.ts';
import type { OfficerKey } from '../i18n.ts';
import { Checkbox, SelectInput, TextArea } from '../fields.tsx';
import type { Editor } from './version-form.tsx';

const TIERS = ['city', 'district', 'commune'] as const;
const APPLICANTS = ['citizen', 'business', 'organisation', 'foreigner'] as const;
const UNITS = ['workingDays', 'workingHours', 'calendarDays'] as const;

/** A number input's value: NaN while empty, so the schema names the missing number. */
export const numberValue = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));
export const shownNumber = (n: number | undefined) => (n === undefined || Number.isNaN(n) ? '' : String(n));

function toggle<T>(list: readonly T[], item: T, on: boolean): T[] {
  return on ? [...list.filter((x) => x !== item), item] : list.filter((x) => x !== item);
}

export function GeneralSection({ editor, isNew }: { editor: Editor; isNew: boolean }) {
  const { t } = useOfficerI18n();
  const { draft: d, set, error } = editor;
  const text = (path: string, label: OfficerKey, value: string, hint?: OfficerKey) => (
    <TextInput
      name={path}
      label={t(label)}
      {...(hint ? { hint: t(hint) } : {})}
      value={value}
      error={error(path)}
      onChange={(e) => set(path, e.target.value)}
    />
  );
  return (
    <section aria-labelledby="sec-general">
      <h2 id="sec-general">{t('officer.proc.general')}</h2>
      {isNew && text('code', 'officer.proc.code', d.code, 'officer.proc.codeHint')}
      {text('name', 'officer.proc.name', d.name)}
      {text('sector', 'officer.proc.sector', d.sector)}
      <div className="row-grid">
        {text('validFrom', 'officer.proc.validFrom', d.validFrom, 'officer.proc.dateHint')}
        <TextInput
          name="validTo"
          label={t('officer.proc.validTo')}
          hint={t('officer.proc.validToHint')}
          value={d.validTo ?? ''}
          error={error('validTo')}
          onChange={(e) => set('validTo', e.target.value === '' ? null : e.target.value)}
        />
      </div>
      <fieldset className="group">
        <legend>{t('officer.proc.tiers')}</legend>
        {error('tiers') && <p className="error-message">{error('tiers')}</p>}
        {TIERS.map((tier) => (
          <Checkbox
            key={tier}
            name={`tiers-${tier}`}
            label={t(`officer.tier.${tier}`)}
            checked={d.tiers.includes(tier)}
            onChange={(on) => set('tiers', toggle(d.tiers, tier, on))}
          />
        ))}
      </fieldset>
      <TextInput
        name="agencyId"
        label={t('officer.proc.agencyId')}
        hint={t('officer.proc.agencyIdHint')}
        value={d.agencyId ?? ''}
        error={error('agencyId')}
        onChange={(e) => set('agencyId', e.target.value.trim() === '' ? null : e.target.value.trim())}
      />
      <fieldset className="group">
        <legend>{t('officer.proc.applicants')}</legend>
        {error('applicantTypes') && <p className="error-message">{error('applicantTypes')}</p>}
        {APPLICANTS.map((a) => (
          <Checkbox
            key={a}
            name={`applicant-${a}`}
            label={t(`officer.applicant.${a}`)}
            checked={d.applicantTypes.includes(a)}
            onChange={(on) => set('applicantTypes', toggle(d.applicantTypes, a, on))}
          />
        ))}
      </fieldset>
      <div className="row-grid">
        <TextInput
          name="timeLimit.value"
          label={t('officer.proc.timeLimit')}
          inputMode="decimal"
          value={shownNumber(d.timeLimit.value)}
          error={error('timeLimit.value')}
          onChange={(e) => set('timeLimit.value', numberValue(e.target.value))}
        />
        <SelectInput
          name="timeLimit.unit"
          label={t('officer.proc.timeUnit')}
          value={d.timeLimit.unit}
          error={error('timeLimit.unit')}
          options={UNITS.map((u) => ({ value: u, label: t(`officer.unit.${u}`) }))}
          onChange={(e) => set('timeLimit.unit', e.target.value)}
        />
        <SelectInput
          name="onlineLevel"
          label={t('officer.proc.level')}
          value={String(d.onlineLevel)}
          error={error('onlineLevel')}
          options={[2, 3, 4].map((n) => ({ value: String(n), label: t(`officer.level.${n as 2 | 3 | 4}`) }))}
          onChange={(e) => set('onlineLevel', Number(e.target.value))}
        />
        <SelectInput
          name="supplementMode"
          label={t('officer.proc.supplementMode')}
          value={d.supplementMode ?? 'RESTART'}
          error={error('supplementMode')}
          options={[
            { value: 'RESTART', label: t('officer.proc.restart') },
            { value: 'PAUSE', label: t('officer.proc.pause') },
          ]}
          onChange={(e) => set('supplementMode', e.target.value)}
        />
      </div>
      <Checkbox
        name="cutoff15"
        label={t('officer.proc.cutoff15')}
        checked={d.cutoff15 ?? false}
        onChange={(on) => set('cutoff15', on)}
      />
      {text('resultType', 'officer.proc.resultType', d.resultType ?? '')}
      <TextArea
        name="legalBasis"
        label={t('officer.proc.legalBasis')}
        rows={3}
        value={d.legalBasis ?? ''}
        error={error('legalBasis')}
        onChange={(e) => set('legalBasis', e.target.value)}
      />
    </section>
  );
}
