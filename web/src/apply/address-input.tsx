import { useEffect, useState } from 'react';
import { useApi } from '../api.ts';
import { useI18n } from '../i18n/i18n.tsx';

interface UnitList {
  items: Array<{ code: string; fullName: string }>;
}
export interface AddressValue {
  unitCode: string;
  street?: string;
}

/** A Vietnamese address from the unit tree: district, then commune or ward, then the street line. */
export function AddressInput(props: {
  id: string;
  value: AddressValue | undefined;
  onChange: (value: AddressValue | undefined) => void;
  describedBy: string | undefined;
  invalid: boolean;
}) {
  const { t } = useI18n();
  const commune = props.value?.unitCode ?? '';
  const street = props.value?.street ?? '';
  const [district, setDistrict] = useState('');
  // A saved draft knows only the commune: find its district once.
  const saved = useApi<{ parentCode: string | null }>(commune && !district ? `/api/units/${commune}` : null).result;
  useEffect(() => {
    if (saved.state === 'ready' && saved.data.parentCode) setDistrict(saved.data.parentCode);
  }, [saved]);
  const districts = useApi<UnitList>('/api/units?level=district').result;
  const communes = useApi<UnitList>(district ? `/api/units?parent=${district}` : null).result;
  const update = (unitCode: string, line: string) =>
    props.onChange(unitCode === '' && line === '' ? undefined : { unitCode, street: line });

  return (
    <div className="address" role="group" aria-labelledby={`${props.id}-label`} aria-describedby={props.describedBy}>
      <label htmlFor={`${props.id}-district`}>{t('apply.address.district')}</label>
      <select
        id={`${props.id}-district`}
        value={district}
        onChange={(e) => {
          setDistrict(e.target.value);
          update('', street);
        }}
      >
        <option value="">{t('directory.choose')}</option>
        {(districts.state === 'ready' ? districts.data.items : []).map((u) => (
          <option key={u.code} value={u.code}>
            {u.fullName}
          </option>
        ))}
      </select>
      <label htmlFor={`${props.id}-commune`}>{t('apply.address.commune')}</label>
      <select
        id={`${props.id}-commune`}
        value={commune}
        disabled={!district}
        aria-invalid={props.invalid || undefined}
        onChange={(e) => update(e.target.value, street)}
      >
        <option value="">{t('directory.choose')}</option>
        {(communes.state === 'ready' ? communes.data.items : []).map((u) => (
          <option key={u.code} value={u.code}>
            {u.fullName}
          </option>
        ))}
      </select>
      <label htmlFor={`${props.id}-street`}>{t('apply.address.street')}</label>
      <input
        id={`${props.id}-street`}
        value={street}
        autoComplete="street-address"
        aria-invalid={props.invalid || undefined}
        onChange={(e) => update(commune, e.target.value)}
      />
    </div>
  );
}
