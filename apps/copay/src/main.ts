import './styles/copay.css';
import { h, renderPage } from './dom.js';
import { markCurrentNav } from './layout.js';

/**
 * Copay's pages. Each path is a full page load (plain links, the browser's own history and focus handling); this
 * module picks the page for the path. The pages that use consent-kit elements import them on demand.
 */
const ROUTES: Record<string, () => Promise<{ render: () => Promise<void> | void }>> = {
  '/': () => import('./pages/home.js'),
  '/apply': () => import('./pages/apply.js'),
  '/apply/connect': () => import('./pages/connect.js'),
  '/connect/callback': () => import('./pages/callback.js'),
  '/apply/sync': () => import('./pages/sync.js'),
  '/application': () => import('./pages/application.js'),
  '/connections': () => import('./pages/connections.js'),
  '/connections/add': () => import('./pages/connections-add.js'),
};

async function start(): Promise<void> {
  const path = location.pathname.replace(/\/+$/, '') || '/';
  markCurrentNav(path);
  const route = ROUTES[path];
  if (!route) {
    renderPage(
      'Page not found',
      h('h1', {}, 'Page not found'),
      h('p', {}, 'If you typed the web address, check it is correct.'),
      h('p', {}, h('a', { href: '/' }, 'Go to the Copay home page')),
    );
    return;
  }
  try {
    const page = await route();
    await page.render();
  } catch (error) {
    console.error(error);
    renderPage(
      'Something went wrong',
      h('h1', {}, 'Sorry, something went wrong'),
      h('p', {}, error instanceof Error ? error.message : 'The page could not be shown.'),
      h('p', {}, h('a', { href: location.pathname }, 'Try again')),
    );
  }
}

void start();
