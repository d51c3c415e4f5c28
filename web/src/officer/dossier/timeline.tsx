import { formatDateTime } from '../../format.ts';
import { useOfficerI18n } from '../i18n.ts';
import type { OfficerKey } from '../i18n.ts';
import type { JournalEntry } from './types.ts';

/** The journal as a timeline: who did what when, the status and step it moved, and the note. */
export function Timeline(props: {
  journal: JournalEntry[];
  stepNames: string[];
  agencyNames: ReadonlyMap<string, string>;
}) {
  const { journal, stepNames, agencyNames } = props;
  const { t } = useOfficerI18n();
  const step = (i: number | null) => (i === null ? t('officer.d.desk') : (stepNames[i] ?? `${i + 1}`));
  return (
    <ol className="timeline">
      {[...journal].reverse().map((e) => (
        <li key={e.seq}>
          <p className="timeline-head">
            <strong>{t(`officer.act.${e.action}` as OfficerKey)}</strong> · {formatDateTime(e.at)}
            {e.actorName && <> · {e.actorName}</>}
          </p>
          <p className="result-meta">
            {e.fromStatus !== null && e.fromStatus !== e.toStatus && (
              <>
                {t(`officer.status.${e.fromStatus}` as OfficerKey)} → {t(`officer.status.${e.toStatus}` as OfficerKey)}
                {'. '}
              </>
            )}
            {e.fromStep !== e.toStep && e.toStep !== null && (
              <>
                {t('officer.d.step')}: {step(e.toStep)}
                {'. '}
              </>
            )}
            {e.toAgencyId && e.fromAgencyId && e.toAgencyId !== e.fromAgencyId && (
              <>
                {t('officer.d.handedTo')} {agencyNames.get(e.toAgencyId) ?? <code>{e.toAgencyId}</code>}
                {'. '}
              </>
            )}
          </p>
          {e.note && <p className="timeline-note">{e.note}</p>}
        </li>
      ))}
    </ol>
  );
}
