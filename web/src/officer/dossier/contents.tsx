import type { ProcedureVersion } from '../../../../shared/schemas/procedure.ts';
import type { EformField } from '../../../../shared/schemas/eform.ts';
import { formatDate, formatDateTime } from '../../format.ts';
import { useOfficerI18n } from '../i18n.ts';
import type { DossierFile, ResultSignature } from './types.ts';

function shown(value: unknown, field: EformField | undefined, lang: 'vi' | 'en', yes: string, no: string): string {
  if (value === undefined || value === null || value === '') return '—';
  if (typeof value === 'boolean') return value ? yes : no;
  if (field?.type === 'date' && typeof value === 'string') return formatDate(value);
  if (field?.type === 'select') {
    const values = Array.isArray(value) ? value : [value];
    return values.map((v) => field.options.find((o) => o.value === v)?.label[lang] ?? String(v)).join(', ');
  }
  if (field?.type === 'address' && typeof value === 'object') {
    const a = value as { street?: string; unitCode?: string };
    return [a.street, a.unitCode].filter(Boolean).join(', ');
  }
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join(', ');
  return typeof value === 'string' || typeof value === 'number' ? String(value) : JSON.stringify(value);
}

/** The e-form as the applicant filled it, labelled by the procedure version's definition. */
export function EformData({ data, version }: { data: Record<string, unknown>; version: ProcedureVersion | null }) {
  const { t, lang } = useOfficerI18n();
  const fields = version?.eform?.fields ?? [];
  const keys = fields.length > 0 ? fields.map((f) => f.name) : Object.keys(data);
  if (keys.length === 0) return null;
  return (
    <section aria-labelledby="d-eform">
      <h2 id="d-eform">{t('officer.d.eform')}</h2>
      <dl className="summary-list">
        {keys.map((k) => {
          const field = fields.find((f) => f.name === k);
          return (
            <div key={k}>
              <dt>{field?.label[lang] ?? k}</dt>
              <dd>{shown(data[k], field, lang, t('officer.d.yes'), t('officer.d.no'))}</dd>
            </div>
          );
        })}
      </dl>
    </section>
  );
}

const size = (n: number) =>
  n >= 1_048_576 ? `${(n / 1_048_576).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`;

/** The components received: each listed paper, and the files (scanned, uploaded or reused) for it. */
export function Files(props: { dossierId: string; files: DossierFile[]; version: ProcedureVersion | null }) {
  const { t } = useOfficerI18n();
  const components = props.version?.components ?? [];
  return (
    <section aria-labelledby="d-files">
      <h2 id="d-files">{t('officer.d.components')}</h2>
      <div className="table-scroll">
        <table className="dense">
          <caption className="visually-hidden">{t('officer.d.components')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('officer.proc.componentName')}</th>
              <th scope="col">{t('officer.d.file')}</th>
              <th scope="col">{t('officer.d.fileKind')}</th>
            </tr>
          </thead>
          <tbody>
            {props.files.map((f) => (
              <tr key={f.id}>
                <td>
                  {f.kind === 'component'
                    ? (components.find((c) => c.key === f.componentKey)?.name ?? f.componentKey)
                    : t(f.kind === 'result' ? 'officer.d.resultFile' : 'officer.d.supplementFile')}
                </td>
                <td>
                  {/* Opens in the browser's own viewer: PDFs and images preview without a download. */}
                  <a href={`/api/dossiers/${props.dossierId}/files/${f.id}`} target="_blank" rel="noopener">
                    {f.fileName}
                  </a>{' '}
                  <span className="hint">
                    ({f.mediaType}, {size(f.sizeBytes)})
                  </span>
                  {f.signature && <SignatureNote signature={f.signature} />}
                </td>
                <td>
                  {f.kind === 'result'
                    ? t(f.signature ? 'officer.sign.signed' : 'officer.sign.unsigned')
                    : f.isDigitised
                      ? t('officer.d.digitised')
                      : f.reusedFrom
                        ? t('officer.d.reused')
                        : t('officer.d.uploaded')}
                </td>
              </tr>
            ))}
            {components
              .filter((c) => !props.files.some((f) => f.componentKey === c.key))
              .map((c) => (
                <tr key={c.key}>
                  <td>{c.name}</td>
                  <td colSpan={2} className="hint">
                    {c.required ? t('officer.d.paperOnly') : t('officer.d.notGiven')}
                  </td>
                </tr>
              ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** Who signed the e-result and when, its code and fingerprint, and where anyone can verify it (ADR 0017). */
function SignatureNote({ signature: s }: { signature: ResultSignature }) {
  const { t } = useOfficerI18n();
  return (
    <dl className="signature-note">
      <div>
        <dt>{t('officer.sign.signer')}</dt>
        <dd>
          {s.signerName}, {formatDateTime(s.signedAt)}
        </dd>
      </div>
      <div>
        <dt>{t('officer.sign.code')}</dt>
        <dd>
          <a href={`/xac-thuc/${encodeURIComponent(s.resultCode)}`} target="_blank" rel="noopener">
            {s.resultCode}
          </a>
        </dd>
      </div>
      <div>
        <dt>{t('officer.sign.fingerprint')}</dt>
        <dd>
          <code className="fingerprint">{s.sha256}</code>
        </dd>
      </div>
    </dl>
  );
}
