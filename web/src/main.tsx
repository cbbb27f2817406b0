import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApolloClient } from './app/apollo';
import { App } from './app/App';
import { readStoredLanguage } from './app/i18n';
import { createRouter } from './app/router';
import './ui/app.css';

// Set before the first render so assistive technology never sees the wrong language.
document.documentElement.lang = readStoredLanguage();

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <App client={createApolloClient()} router={createRouter()} />
  </StrictMode>,
);
