import { useEffect, useState } from 'react';
import type { ProcedureVersion } from '../../../shared/schemas/procedure.ts';
import { apiGet, useApi } from '../api.ts';
import { useI18n } from '../i18n/i18n.tsx';

interface List<T> {
  items: T[];
}
interface Unit {
  code: string;
  fullName: string;
}
interface Agency {
  id: string;
  name: string;
}

/**
 * Where the dossier goes: the People's Committee of the commune (or district) the applicant chooses,
 * for procedures handled at that tier; a city procedure has its fixed competent agency.
 */
export function WhereStep(props: {
  procedure: ProcedureVersion;
  agencyId: string | null;
  error: string | undefined;
  onChange: (agencyId: string | null, agencyName: string | null) => void;
}) {
  const { t, lang } = useI18n();
  const tier = props.procedure.tiers.includes('commune') ? 'commune' : 'district';
  const [district, setDistrict] = useState('');
  const [commune, setCommune] = useState('');
  const districts = useApi<List<Unit>>('/api/units?level=district').result;
  const communes = useApi<List<Unit>>(tier === 'commune' && district ? `/api/units?parent=${district}` : null).result;
  const unitCode = tier === 'commune' ? commune : district;
  const { onChange } = props;

  useEffect(() => {
    if (!unitCode) return;
    const kind = tier === 'commune' ? 'commune-peoples-committee' : 'district-peoples-committee';
    const controller = new AbortController();
    apiGet<List<Agency>>(`/api/agencies?unit=${unitCode}&kind=${kind}`, lang, controller.signal).then(
      (list) => onChange(list.items[0]?.id ?? null, list.items[0]?.name ?? null),
      () => undefined,
    );
    return () => controller.abort();
  }, [unitCode, tier, lang, onChange]);

  const error = props.error;
  return (
    <fieldset
      className={`field${error ? ' field-error' : ''}`}
      aria-describedby={error ? 'f-agencyId-error' : undefined}
    >
      <legend className="legend-question">
        {t(tier === 'commune' ? 'apply.where.commune' : 'apply.where.district')}
      </legend>
      {error && (
        <p id="f-agencyId-error" className="error-message">
          {error}
        </p>
      )}
      <div className="field">
        <label htmlFor="f-agencyId">{t('apply.address.district')}</label>
        <select
          id="f-agencyId"
          value={district}
          onChange={(e) => {
            setDistrict(e.target.value);
            setCommune('');
            if (tier === 'commune') onChange(null, null);
          }}
        >
          <option value="">{t('directory.choose')}</option>
          {(districts.state === 'ready' ? districts.data.items : []).map((u) => (
            <option key={u.code} value={u.code}>
              {u.fullName}
            </option>
          ))}
        </select>
      </div>
      {tier === 'commune' && (
        <div className="field">
          <label htmlFor="f-where-commune">{t('apply.address.commune')}</label>
          <select
            id="f-where-commune"
            value={commune}
            disabled={!district}
            onChange={(e) => setCommune(e.target.value)}
          >
            <option value="">{t('directory.choose')}</option>
            {(communes.state === 'ready' ? communes.data.items : []).map((u) => (
              <option key={u.code} value={u.code}>
                {u.fullName}
              </option>
            ))}
          </select>
        </div>
      )}
    </fieldset>
  );
}
