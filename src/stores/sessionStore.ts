import { create } from 'zustand';
import type { User } from '../contract';

export type SessionStatus = 'loading' | 'signed-in' | 'signed-out';

export interface SessionState {
  readonly status: SessionStatus;
  readonly user: User | null;
  signedIn(user: User): void;
  signedOut(): void;
}

/** Who is signed in. Domain data lives in the user's Dexie database, not here. */
export const useSessionStore = create<SessionState>()((set) => ({
  status: 'loading',
  user: null,
  signedIn: (user) => set({ status: 'signed-in', user }),
  signedOut: () => set({ status: 'signed-out', user: null }),
}));
