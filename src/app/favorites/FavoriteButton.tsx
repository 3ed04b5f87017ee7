import type { ArticleSummary } from '../../contract';
import './favorites.css';
import { useToggleFavorite } from './useToggleFavorite';

interface FavoriteButtonProps {
  readonly article: ArticleSummary;
  readonly saved: boolean;
  /** `icon`: a compact round button for lists; `labelled`: icon and words, for the reader. */
  readonly variant?: 'icon' | 'labelled';
}

/**
 * The favorite control. Its accessible name stays "Save to favorites" whatever the state;
 * the state is `aria-pressed`, which screen readers announce as "pressed" / "not pressed".
 */
export function FavoriteButton({ article, saved, variant = 'icon' }: FavoriteButtonProps) {
  const toggle = useToggleFavorite();
  return (
    <button
      type="button"
      className={`favorite-button favorite-button--${variant}`}
      aria-pressed={saved}
      title={saved ? 'Saved: press to remove from favorites' : 'Save to favorites'}
      onClick={() => toggle(article, !saved)}
    >
      <BookmarkIcon filled={saved} />
      {variant === 'labelled' ? (
        <span className="favorite-button__label">Save to favorites</span>
      ) : (
        <span className="visually-hidden">Save to favorites</span>
      )}
    </button>
  );
}

function BookmarkIcon({ filled }: { filled: boolean }) {
  return (
    <svg className="favorite-button__icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <path
        d="M6.5 3.75h11a1 1 0 0 1 1 1v15.1a.5.5 0 0 1-.78.41L12 16.4l-5.72 3.86a.5.5 0 0 1-.78-.41V4.75a1 1 0 0 1 1-1Z"
        fill={filled ? 'currentColor' : 'none'}
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinejoin="round"
      />
    </svg>
  );
}
