import { create } from 'zustand';

export type MessageKind = 'error' | 'info';

export interface UiMessage {
  readonly id: number;
  readonly kind: MessageKind;
  readonly text: string;
}

/** At most this many messages stay on screen; older ones give way. */
export const MESSAGES_MAX = 3;

export interface UiState {
  readonly messages: readonly UiMessage[];
  /** Show a message; returns its id for `dismiss`. */
  show(kind: MessageKind, text: string): number;
  dismiss(id: number): void;
}

let nextId = 1;

export const useUiStore = create<UiState>()((set) => ({
  messages: [],
  show(kind, text) {
    const id = nextId++;
    set((state) => ({ messages: [...state.messages, { id, kind, text }].slice(-MESSAGES_MAX) }));
    return id;
  },
  dismiss: (id) => set((state) => ({ messages: state.messages.filter((m) => m.id !== id) })),
}));
