import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// Registers every ck-* element: <ck-link> composes the picker, the consent confirmation and the sync status.
import '@consent-kit/elements';
import { App } from './App.js';
import { SessionProvider } from './session.js';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');

createRoot(root).render(
  <StrictMode>
    <SessionProvider>
      <App />
    </SessionProvider>
  </StrictMode>,
);
