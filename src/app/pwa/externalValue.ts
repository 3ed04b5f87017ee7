import { useSyncExternalStore } from 'react';

/**
 * A value set outside React (browser events that may fire before the first render) that
 * components read with `useExternalValue`. Tiny on purpose: two booleans' worth of state do
 * not need a store of their own.
 */
export interface ExternalValue<T> {
  get(): T;
  set(value: T): void;
  subscribe(listener: () => void): () => void;
}

export function externalValue<T>(initial: T): ExternalValue<T> {
  let current = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => current,
    set(value) {
      current = value;
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export function useExternalValue<T>(value: ExternalValue<T>): T {
  return useSyncExternalStore(value.subscribe, value.get, value.get);
}
