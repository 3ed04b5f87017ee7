import { Outlet, ScrollRestoration } from 'react-router';
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
        <Outlet />
      </main>
      <Messages />
      <ScrollRestoration />
    </>
  );
}
