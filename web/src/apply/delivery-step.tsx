import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/vi.ts';

export interface Delivery {
  method: 'counter' | 'post' | 'online';
  address: string;
}

/** How the result comes back: at the desk, by post, or (level 4) online (Decree 61/2018 Art. 20(3)). */
export function DeliveryStep(props: {
  onlineLevel: number;
  value: Delivery;
  error: string | undefined;
  onChange: (d: Delivery) => void;
}) {
  const { t } = useI18n();
  const methods: Array<Delivery['method']> =
    props.onlineLevel >= 4 ? ['online', 'post', 'counter'] : ['counter', 'post'];
  return (
    <fieldset className="field">
      <legend className="legend-question">{t('apply.delivery.question')}</legend>
      <div className="radios">
        {methods.map((m) => (
          <label key={m} className="radio">
            <input
              type="radio"
              name="delivery"
              value={m}
              checked={props.value.method === m}
              onChange={() => props.onChange({ ...props.value, method: m })}
            />{' '}
            {t(`apply.delivery.${m}` as MessageKey)}
          </label>
        ))}
      </div>
      {props.value.method === 'post' && (
        <div className={`field${props.error ? ' field-error' : ''}`}>
          <label htmlFor="f-deliveryAddress">{t('apply.delivery.address')}</label>
          {props.error && (
            <p id="f-deliveryAddress-error" className="error-message">
              {props.error}
            </p>
          )}
          <input
            id="f-deliveryAddress"
            autoComplete="street-address"
            value={props.value.address}
            aria-invalid={props.error ? true : undefined}
            aria-describedby={props.error ? 'f-deliveryAddress-error' : undefined}
            onChange={(e) => props.onChange({ ...props.value, address: e.target.value })}
          />
        </div>
      )}
    </fieldset>
  );
}
