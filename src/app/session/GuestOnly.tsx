import type { ReactNode } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import { useSessionStore } from '../../stores/sessionStore';
import { safeNext } from '../shared/safeNext';

/** Log-in and sign-up pages: a signed-in user goes straight on to where they were heading. */
export function GuestOnly({ children }: { children: ReactNode }) {
  const status = useSessionStore((state) => state.status);
  const [params] = useSearchParams();
  if (status === 'signed-in') return <Navigate to={safeNext(params.get('next'))} replace />;
  return children;
}
