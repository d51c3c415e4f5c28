import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { Route, Switch } from 'wouter';
import { Layout } from './components/layout.tsx';
import { I18nProvider } from './i18n/i18n.tsx';
import { AccountPage } from './pages/account.tsx';
import { LoginPage } from './pages/login.tsx';
import { OfficerHomePage } from './pages/officer-home.tsx';
import {
  AdminCalendarScreen,
  AdminHomeScreen,
  AdminOfficersScreen,
  AdminProceduresScreen,
  AdminUnitsScreen,
  DossierScreen,
  ProcedureEditorScreen,
  ReceptionScreen,
} from './officer/lazy.tsx';
import { DossierPage } from './pages/dossier.tsx';
import { MyDossiersPage } from './pages/my-dossiers.tsx';
import { RegisterPage } from './pages/register.tsx';
import { ReportProblemPage } from './pages/report-problem.tsx';
import { TrackPage } from './pages/track.tsx';
import { SessionProvider } from './session.tsx';
import { CataloguePage } from './pages/catalogue.tsx';
import { DirectoryPage } from './pages/directory.tsx';
import { HomePage } from './pages/home.tsx';
import { NotFoundPage } from './pages/not-found.tsx';
import { ProcedurePage } from './pages/procedure.tsx';
import './styles.css';

// The apply flow is loaded only by those who apply: the first visit stays small on a cheap phone.
const ApplyPage = lazy(() => import('./apply/apply-page.tsx').then((m) => ({ default: m.ApplyPage })));
const DashboardPage = lazy(() => import('./pages/dashboard.tsx').then((m) => ({ default: m.DashboardPage })));

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <I18nProvider>
        <SessionProvider>
          <Layout>
            <Switch>
              <Route path="/" component={HomePage} />
              <Route path="/co-quan" component={DirectoryPage} />
              <Route path="/thu-tuc" component={CataloguePage} />
              <Route path="/thu-tuc/:code" component={ProcedurePage} />
              <Route path="/tra-cuu" component={TrackPage} />
              <Route path="/ho-so-cua-toi" component={MyDossiersPage} />
              <Route path="/phan-anh" component={ReportProblemPage} />
              <Route path="/thong-ke">
                <Suspense fallback={null}>
                  <DashboardPage />
                </Suspense>
              </Route>
              <Route path="/ho-so/:id" component={DossierPage} />
              <Route path="/nop-ho-so/:code">
                {(params) => (
                  <Suspense fallback={null}>
                    <ApplyPage params={params} />
                  </Suspense>
                )}
              </Route>
              <Route path="/dang-nhap" component={LoginPage} />
              <Route path="/dang-ky" component={RegisterPage} />
              <Route path="/tai-khoan" component={AccountPage} />
              <Route path="/can-bo" component={OfficerHomePage} />
              <Route path="/can-bo/tiep-nhan" component={ReceptionScreen} />
              <Route path="/can-bo/ho-so/:id" component={DossierScreen} />
              <Route path="/can-bo/quan-tri" component={AdminHomeScreen} />
              <Route path="/can-bo/quan-tri/thu-tuc" component={AdminProceduresScreen} />
              <Route path="/can-bo/quan-tri/thu-tuc/:code" component={ProcedureEditorScreen} />
              <Route path="/can-bo/quan-tri/lich" component={AdminCalendarScreen} />
              <Route path="/can-bo/quan-tri/can-bo" component={AdminOfficersScreen} />
              <Route path="/can-bo/quan-tri/don-vi" component={AdminUnitsScreen} />
              <Route component={NotFoundPage} />
            </Switch>
          </Layout>
        </SessionProvider>
      </I18nProvider>
    </StrictMode>,
  );
}
