import { NavLink, useLocation, useNavigate } from 'react-router';
import { useSessionStore } from '../../stores/sessionStore';
import { InstallButton } from '../pwa/InstallButton';
import { signOut } from '../session/sessionActions';
import { SyncStatusIndicator } from '../sync/SyncStatusIndicator';
import './layout.css';

const AUTH_PATHS = new Set(['/login', '/signup']);

/** App name, the two sections, sync state, and who is signed in. */
export function Header() {
  const status = useSessionStore((state) => state.status);
  const user = useSessionStore((state) => state.user);
  const navigate = useNavigate();
  const location = useLocation();
  const onAuthPage = AUTH_PATHS.has(location.pathname);

  return (
    <header className="app-header">
      <div className="app-header__inner">
        <span className="brand">
          <img className="brand__logo" src="/favicon.svg" alt="" width="28" height="28" />
          <span className="brand__name">Favorites</span>
        </span>
        <nav className="app-nav" aria-label="Main">
          <NavLink to="/" end className="app-nav__link">
            Browse
          </NavLink>
          <NavLink to="/favorites" className="app-nav__link">
            Favorites
          </NavLink>
        </nav>
        {status === 'signed-in' ? <SyncStatusIndicator /> : null}
        <div className="account">
          <InstallButton />
          {status === 'signed-in' && user ? (
            <>
              <span className="account__user">
                <span className="account__avatar" aria-hidden="true">
                  {user.username.charAt(0).toUpperCase()}
                </span>
                <span className="account__name">{user.username}</span>
              </span>
              <button
                type="button"
                className="button button--ghost"
                onClick={() => {
                  void signOut().then((done) => {
                    if (done) void navigate('/login');
                  });
                }}
              >
                Log out
              </button>
            </>
          ) : status === 'signed-out' && !onAuthPage ? (
            <NavLink
              to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`}
              className="button button--secondary"
            >
              Log in
            </NavLink>
          ) : null}
        </div>
      </div>
    </header>
  );
}
