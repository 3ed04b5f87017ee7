import { Suspense } from 'react';
import { Outlet, ScrollRestoration } from 'react-router';
import { Loading } from '../shared/Loading';
import { Header } from './Header';
import { Messages } from './Messages';
import './layout.css';

export function Layout() {
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <Header />
      <main id="main" className="app-main" tabIndex={-1}>
        {/* Pages other than Browse are separate chunks (App.tsx), loaded on first visit. */}
        <Suspense fallback={<Loading label="Loading page" />}>
          <Outlet />
        </Suspense>
      </main>
      <Messages />
      <ScrollRestoration />
    </>
  );
}
