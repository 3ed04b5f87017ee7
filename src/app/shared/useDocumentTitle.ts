import { useEffect } from 'react';

export const APP_NAME = 'Favorites';

/** Sets the tab title ("Browse · Favorites"), which screen readers announce on navigation. */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · ${APP_NAME}` : APP_NAME;
  }, [title]);
}
