import { describeError, fieldMessages, NetworkError } from '../../api';
import { ApiError } from '../../contract';
import { capitalise } from '../shared/format';

export interface AuthErrors {
  readonly form?: string;
  readonly username?: string;
  readonly password?: string;
}

/** What to show for a failed sign-up or log-in, next to the field it concerns when there is one. */
export function authErrors(error: unknown, action: 'signup' | 'login'): AuthErrors {
  if (error instanceof ApiError) {
    switch (error.code) {
      case 'conflict':
        return { username: 'That username is taken. Choose another, or log in if it is yours.' };
      case 'unauthenticated':
        return { form: 'Wrong username or password.' };
      case 'validation_failed': {
        const fields = (error.details?.fields ?? {}) as Record<string, unknown>;
        const username = fields.username === undefined ? undefined : capitalise(`${String(fields.username)}.`);
        const password = fields.password === undefined ? undefined : capitalise(`${String(fields.password)}.`);
        if (username || password) return { username, password };
        return { form: capitalise(`${fieldMessages(error) ?? error.message}.`) };
      }
    }
  }
  if (error instanceof NetworkError) {
    return { form: `Couldn't ${action === 'signup' ? 'sign up' : 'log in'}: the server can't be reached. Check your connection and try again.` };
  }
  return { form: capitalise(`couldn't ${action === 'signup' ? 'sign up' : 'log in'}: ${describeError(error)}.`) };
}
