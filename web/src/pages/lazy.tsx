import { deferred } from '../components/deferred.tsx';

/*
 * Portal pages other than the usual landing pages (home, catalogue search, procedure page — those stay in
 * the main chunk so a visitor from a search engine waits for no second round trip), each its own chunk: a
 * first visit on a cheap phone downloads only the page it asked for (issue 9 budget: ≤ 150 KB of JS, gzip).
 */

type CodeParams = { params: { code: string } };
type IdParams = { params: { id: string } };

export const ApplyPage = deferred<CodeParams>(() => import('../apply/apply-page.tsx').then((m) => m.ApplyPage));
export const TrackPage = deferred<{ params?: { code?: string } }>(() => import('./track.tsx').then((m) => m.TrackPage));
export const DirectoryPage = deferred(() => import('./directory.tsx').then((m) => m.DirectoryPage));
export const DashboardPage = deferred(() => import('./dashboard.tsx').then((m) => m.DashboardPage));
export const LoginPage = deferred(() => import('./login.tsx').then((m) => m.LoginPage));
export const RegisterPage = deferred(() => import('./register.tsx').then((m) => m.RegisterPage));
export const AccountPage = deferred(() => import('./account.tsx').then((m) => m.AccountPage));
export const MyDossiersPage = deferred(() => import('./my-dossiers.tsx').then((m) => m.MyDossiersPage));
export const DossierPage = deferred<IdParams>(() => import('./dossier.tsx').then((m) => m.DossierPage));
export const InboxPage = deferred(() => import('./inbox.tsx').then((m) => m.InboxPage));
export const VerifyResultPage = deferred<CodeParams>(() =>
  import('./verify-result.tsx').then((m) => m.VerifyResultPage),
);
export const ReportProblemPage = deferred(() => import('./report-problem.tsx').then((m) => m.ReportProblemPage));
