import { useEffect, useId, useState } from 'react';
import './browse.css';

/** Wait this long after the last keystroke before searching, in ms. */
export const SEARCH_DEBOUNCE_MS = 300;

interface SearchFieldProps {
  /** The search in effect (from the URL). */
  readonly value: string;
  readonly onSearch: (q: string) => void;
}

/** "Search articles": searches as you type (debounced), or at once on Enter. */
export function SearchField({ value, onSearch }: SearchFieldProps) {
  const id = useId();
  const [text, setText] = useState(value);
  const [shown, setShown] = useState(value);
  // The search changed from outside (Back, a link): show it.
  if (value !== shown) {
    setShown(value);
    setText(value);
  }

  useEffect(() => {
    const q = text.trim();
    if (q === value) return;
    const timer = setTimeout(() => onSearch(q), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, value, onSearch]);

  return (
    <form
      role="search"
      className="search"
      onSubmit={(event) => {
        event.preventDefault();
        onSearch(text.trim());
      }}
    >
      <label htmlFor={id} className="visually-hidden">
        Search articles
      </label>
      <svg className="search__icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
        <circle cx="11" cy="11" r="6.5" fill="none" stroke="currentColor" strokeWidth="2" />
        <path d="m16 16 4.5 4.5" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
      </svg>
      <input
        id={id}
        className="search__input"
        type="search"
        placeholder="Search articles"
        autoComplete="off"
        enterKeyHint="search"
        maxLength={200}
        value={text}
        onChange={(event) => setText(event.target.value)}
      />
    </form>
  );
}
