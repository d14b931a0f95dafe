import { useEffect, type ReactNode } from 'react';
import { Logo } from './components/Logo.js';
import { Link, navigate, useLocation } from './router.js';
import { useSession } from './session.js';
import { SignIn } from './pages/SignIn.js';
import { Dashboard } from './pages/Dashboard.js';
import { Connect } from './pages/Connect.js';
import { ConnectCallback } from './pages/ConnectCallback.js';
import { Privacy } from './pages/Privacy.js';
import { Financing } from './pages/Financing.js';
import { NotFound } from './pages/NotFound.js';
import { Page } from './components/Page.js';

export const ROUTES = {
  dashboard: '/dashboard',
  connect: '/connect',
  callback: '/connect/callback',
  privacy: '/privacy',
  financing: '/financing',
} as const;

function Header(): ReactNode {
  const { state, signOut } = useSession();
  const signedIn = state.status === 'signed-in';
  return (
    <header className="app-header">
      <div className="app-header__inner">
        <Link to={signedIn ? ROUTES.dashboard : '/'} className="brand">
          <Logo />
          <span>Insights</span>
        </Link>
        {signedIn && (
          <>
            <nav aria-label="Main">
              <ul className="nav">
                <li>
                  <Link to={ROUTES.dashboard}>Dashboard</Link>
                </li>
                <li>
                  <Link to={ROUTES.privacy}>Data &amp; privacy</Link>
                </li>
                <li>
                  <Link to={ROUTES.financing}>Copay financing</Link>
                </li>
              </ul>
            </nav>
            <div className="account">
              <span className="account__name">
                <span className="visually-hidden">Signed in as </span>
                {state.session.companyName}
              </span>
              <button
                type="button"
                className="button button--quiet"
                onClick={() => {
                  void signOut().then(() => navigate('/'));
                }}
              >
                Sign out
              </button>
            </div>
          </>
        )}
      </div>
    </header>
  );
}

function Routes(): ReactNode {
  const { state, reload } = useSession();
  const { pathname } = useLocation();

  useEffect(() => {
    if (state.status === 'signed-in' && pathname === '/') navigate(ROUTES.dashboard, { replace: true });
  }, [state.status, pathname]);

  if (state.status === 'loading') {
    return (
      <p role="status" className="spinner-line">
        Loading…
      </p>
    );
  }
  if (state.status === 'error') {
    return (
      <Page title="Insights is unavailable">
        <div className="notice notice--danger" role="alert">
          <p>{state.message}</p>
          <button type="button" className="button" onClick={reload}>
            Try again
          </button>
        </div>
      </Page>
    );
  }
  if (state.status === 'signed-out') {
    // Any page asks for sign-in first, then continues where the person was going.
    return (
      <SignIn
        onSignedIn={() =>
          navigate(pathname === '/' ? ROUTES.dashboard : window.location.pathname + window.location.search, {
            replace: true,
          })
        }
      />
    );
  }
  switch (pathname) {
    case '/':
    case ROUTES.dashboard:
      return <Dashboard />;
    case ROUTES.connect:
      return <Connect />;
    case ROUTES.callback:
      return <ConnectCallback />;
    case ROUTES.privacy:
      return <Privacy />;
    case ROUTES.financing:
      return <Financing />;
    default:
      return <NotFound />;
  }
}

export function App(): ReactNode {
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <Header />
      <main id="main" tabIndex={-1}>
        <Routes />
      </main>
      <footer className="app-footer">
        <div className="app-footer__inner">
          Insights is a demo of consent-kit. Data comes from a simulated accounting and banking platform.
        </div>
      </footer>
    </>
  );
}
