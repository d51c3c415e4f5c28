import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Route, Switch } from 'wouter';
import { Layout } from './components/layout.tsx';
import { I18nProvider } from './i18n/i18n.tsx';
import { DirectoryPage } from './pages/directory.tsx';
import { HomePage } from './pages/home.tsx';
import { NotFoundPage } from './pages/not-found.tsx';
import './styles.css';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <I18nProvider>
        <Layout>
          <Switch>
            <Route path="/" component={HomePage} />
            <Route path="/co-quan" component={DirectoryPage} />
            <Route component={NotFoundPage} />
          </Switch>
        </Layout>
      </I18nProvider>
    </StrictMode>,
  );
}
