import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import type { ProcedureVersion } from '../../../../shared/schemas/procedure.ts';
import { useApi } from '../../api.ts';
import { apiSend } from '../../api-send.ts';
import { LoadError } from '../../components/layout.tsx';
import { formatDate } from '../../format.ts';
import { useOfficerI18n } from '../i18n.ts';
import { OfficerShell } from '../shell.tsx';
import { VersionForm } from './version-form.tsx';
import { emptyDraft, toDraft, todayInHanoi, type Draft } from './validate-version.ts';

interface Versions {
  items: ProcedureVersion[];
}

/** A procedure's versions (drafts included) and the editor of the one chosen; `moi` starts a new procedure. */
export function ProcedureEditorPage({ params }: { params: { code: string } }) {
  const { t } = useOfficerI18n();
  const isNew = params.code === 'moi';
  return (
    <OfficerShell title={isNew ? t('officer.proc.new') : `${t('officer.proc.versionsOf')} ${params.code}`}>
      {() => (
        <>
          <p>
            <Link href="/can-bo/quan-tri/thu-tuc">← {t('officer.admin.procedures')}</Link>
          </p>
          {isNew ? <NewProcedure /> : <Versions code={params.code} />}
        </>
      )}
    </OfficerShell>
  );
}

function NewProcedure() {
  const { lang } = useOfficerI18n();
  const [, navigate] = useLocation();
  const [notice, setNotice] = useState<string | undefined>();
  return (
    <VersionForm
      initial={emptyDraft(todayInHanoi(1))}
      isNew
      notice={notice}
      onNotice={setNotice}
      save={async (draft) => {
        const created = await apiSend<ProcedureVersion>('POST', '/api/procedures', lang, draft);
        navigate(`/can-bo/quan-tri/thu-tuc/${created.code}?v=${created.id}&moi=1`);
        return created;
      }}
    />
  );
}

function Versions({ code }: { code: string }) {
  const { t, lang } = useOfficerI18n();
  const { result, reload } = useApi<Versions>(`/api/procedures/${encodeURIComponent(code)}/versions`);
  const wanted = Number(new URLSearchParams(window.location.search).get('v'));
  const [chosen, setChosen] = useState<number | null>(null);
  const [copy, setCopy] = useState<Draft | null>(null);
  const justCreated = new URLSearchParams(window.location.search).has('moi');
  const [notice, setNotice] = useState<string | undefined>(
    justCreated ? `${t('officer.proc.savedDraft')} ${code}. ${t('officer.proc.citizenNotYet')}` : undefined,
  );
  if (result.state === 'loading') return <p>{t('common.loading')}</p>;
  if (result.state === 'error') return <LoadError onRetry={reload} />;
  const items = result.data.items;
  const current = items.find((v) => v.id === (chosen ?? wanted)) ?? items.find((v) => v.status === 'draft') ?? items[0];
  return (
    <>
      <div className="table-scroll">
        <table className="dense">
          <caption>{t('officer.proc.versions')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('officer.proc.validFrom')}</th>
              <th scope="col">{t('officer.proc.validTo')}</th>
              <th scope="col">{t('officer.proc.status')}</th>
              <th scope="col">{t('officer.proc.name')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('officer.proc.open')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((v) => (
              <tr key={v.id} aria-current={v.id === current?.id && !copy ? 'true' : undefined}>
                <td>{formatDate(v.validFrom)}</td>
                <td>{v.validTo ? formatDate(v.validTo) : '—'}</td>
                <td>{t(v.status === 'draft' ? 'officer.proc.draft' : 'officer.proc.published')}</td>
                <td>{v.name}</td>
                <td>
                  <button
                    type="button"
                    className="link-inline"
                    onClick={() => {
                      setCopy(null);
                      setNotice(undefined);
                      setChosen(v.id);
                    }}
                  >
                    {t('officer.proc.open')}
                    <span className="visually-hidden"> {formatDate(v.validFrom)}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {copy ? (
        <VersionForm
          key="copy"
          initial={copy}
          isNew
          notice={notice}
          onNotice={setNotice}
          save={async (draft) => {
            const created = await apiSend<ProcedureVersion>('POST', '/api/procedures', lang, draft);
            setCopy(null);
            setChosen(created.id);
            reload();
            return created;
          }}
        />
      ) : (
        current && (
          <>
            {current.status === 'published' && (
              <p>
                <button
                  type="button"
                  className="button button-secondary"
                  onClick={() => setCopy({ ...toDraft(current), validFrom: todayInHanoi(1), validTo: null })}
                >
                  {t('officer.proc.newVersion')}
                </button>
              </p>
            )}
            <VersionForm
              key={current.id}
              initial={toDraft(current)}
              notice={notice}
              onNotice={setNotice}
              readOnly={current.status === 'published'}
              save={async (draft) => {
                const saved = await apiSend<ProcedureVersion>(
                  'PUT',
                  `/api/procedures/${encodeURIComponent(code)}/versions/${current.id}`,
                  lang,
                  draft,
                );
                reload();
                return saved;
              }}
              publish={
                current.status === 'draft'
                  ? async () => {
                      const done = await apiSend<ProcedureVersion>(
                        'POST',
                        `/api/procedures/${encodeURIComponent(code)}/versions/${current.id}/publish`,
                        lang,
                      );
                      reload();
                      return done;
                    }
                  : undefined
              }
            />
          </>
        )
      )}
    </>
  );
}
