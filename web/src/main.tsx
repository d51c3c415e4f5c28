import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Route, Switch } from 'wouter';
import { Layout } from './components/layout.tsx';
import { I18nProvider } from './i18n/i18n.tsx';
import { OfficerHomePage } from './pages/officer-home.tsx';
import {
  AdminCalendarScreen,
  AdminHomeScreen,
  AdminOfficersScreen,
  AdminProceduresScreen,
  AdminTemplatesScreen,
  AdminUnitsScreen,
  DossierScreen,
  ProcedureEditorScreen,
  ReceptionScreen,
  TemplateEditorScreen,
} from './officer/lazy.tsx';
import { SessionProvider } from './session.tsx';
import { CataloguePage } from './pages/catalogue.tsx';
import { HomePage } from './pages/home.tsx';
import {
  AccountPage,
  ApplyPage,
  DashboardPage,
  DirectoryPage,
  DossierPage,
  LoginPage,
  InboxPage,
  MyDossiersPage,
  RegisterPage,
  ReportProblemPage,
  TrackPage,
  VerifyResultPage,
} from './pages/lazy.tsx';
import { NotFoundPage } from './pages/not-found.tsx';
import { ProcedurePage } from './pages/procedure.tsx';
import './styles.css';

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
              <Route path="/tra-cuu/:code" component={TrackPage} />
              <Route path="/xac-thuc/:code" component={VerifyResultPage} />
              <Route path="/ho-so-cua-toi" component={MyDossiersPage} />
              <Route path="/thong-bao" component={InboxPage} />
              <Route path="/phan-anh" component={ReportProblemPage} />
              <Route path="/thong-ke" component={DashboardPage} />
              <Route path="/ho-so/:id" component={DossierPage} />
              <Route path="/nop-ho-so/:code" component={ApplyPage} />
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
              <Route path="/can-bo/quan-tri/thong-bao" component={AdminTemplatesScreen} />
              <Route path="/can-bo/quan-tri/thong-bao/:name" component={TemplateEditorScreen} />
              <Route component={NotFoundPage} />
            </Switch>
          </Layout>
        </SessionProvider>
      </I18nProvider>
    </StrictMode>,
  );
}
