import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useSessionStore } from '../../stores/sessionStore';
import { Loading } from '../shared/Loading';

/** Renders its children for a signed-in user; sends anyone else to log in and back. */
export function RequireSignIn({ children }: { children: ReactNode }) {
  const status = useSessionStore((state) => state.status);
  const location = useLocation();
  if (status === 'loading') return <Loading label="Checking your session" />;
  if (status === 'signed-out') {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return children;
}
