import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './core/global.css';
import './core/i18n';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
