import { Link } from 'react-router';
import { publicProfilePath, type ArticleSummary } from '../../contract';
import type { FavoritesDb } from '../../db';
import { useSessionStore } from '../../stores/sessionStore';
import { useUiStore } from '../../stores/uiStore';
import { setPublic } from './setPublic';

interface PublicToggleProps {
  readonly db: FavoritesDb;
  readonly article: ArticleSummary;
  /** Whether the favorite is public on this device now. */
  readonly isPublic: boolean;
}

/**
 * "Show on my public page": a toggle button (its state is `aria-pressed`), with a link to the
 * page it publishes to, so the user sees exactly where and to whom it is shown.
 */
export function PublicToggle({ db, article, isPublic }: PublicToggleProps) {
  const username = useSessionStore((state) => state.user?.username);

  function toggle() {
    setPublic(db, article, !isPublic).catch((error: unknown) =>
      useUiStore.getState().show('error', `Couldn't change who can see this favorite: ${String(error)}`),
    );
  }

  return (
    <div className="public-toggle">
      <button type="button" className="public-toggle__button" aria-pressed={isPublic} onClick={toggle}>
        <GlobeIcon />
        Show on my public page
      </button>
      {username ? (
        <p className="public-toggle__hint">
          {isPublic ? 'Anyone can see it, with your note and tags, at ' : 'Only you can see it. Public favorites are listed at '}
          <Link to={publicProfilePath(username)}>{publicProfilePath(username)}</Link>.
        </p>
      ) : null}
    </div>
  );
}

function GlobeIcon() {
  return (
    <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
      <circle cx="12" cy="12" r="8.25" fill="none" stroke="currentColor" strokeWidth="1.6" />
      <path d="M3.75 12h16.5M12 3.75c2.2 2.3 3.3 5 3.3 8.25S14.2 17.95 12 20.25C9.8 17.95 8.7 15.25 8.7 12S9.8 6.05 12 3.75Z" fill="none" stroke="currentColor" strokeWidth="1.6" />
    </svg>
  );
}
