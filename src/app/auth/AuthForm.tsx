import { useId, useState, type FormEvent, type ReactNode } from 'react';
import type { User } from '../../contract';
import type { AuthErrors } from './authErrors';
import { authErrors } from './authErrors';
import './auth.css';

interface AuthFormProps {
  readonly action: 'signup' | 'login';
  readonly title: string;
  readonly intro: string;
  readonly submitLabel: string;
  readonly usernameHint?: string;
  readonly passwordHint?: string;
  /** Client-side checks before anything is sent; field messages keyed like the server's. */
  readonly validate?: (username: string, password: string) => AuthErrors | null;
  readonly submit: (credentials: { username: string; password: string }) => Promise<User>;
  readonly onSuccess: (user: User) => void;
  readonly footer: ReactNode;
}

/** The sign-up and log-in form: labelled fields, errors in words next to what they concern. */
export function AuthForm(props: AuthFormProps) {
  const { action, title, intro, submitLabel, usernameHint, passwordHint, validate, submit, onSuccess, footer } = props;
  const id = useId();
  const [errors, setErrors] = useState<AuthErrors>({});
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    // Usernames are lower-case; accept "Ada" for "ada" rather than refuse it.
    const username = String(data.get('username') ?? '').trim().toLowerCase();
    const password = String(data.get('password') ?? '');
    const local = validate?.(username, password);
    if (local) {
      setErrors(local);
      focusFirstInvalid(id, local);
      return;
    }
    setPending(true);
    setErrors({});
    try {
      const user = await submit({ username, password });
      onSuccess(user);
    } catch (error) {
      const found = authErrors(error, action);
      setErrors(found);
      focusFirstInvalid(id, found);
      setPending(false);
    }
  }

  // A field's error replaces its hint: it says the same, or something more pressing.
  const showUsernameHint = usernameHint && !errors.username;
  const showPasswordHint = passwordHint && !errors.password;
  const usernameDescribedBy = [errors.username && `${id}-username-error`, showUsernameHint && `${id}-username-hint`]
    .filter(Boolean)
    .join(' ');
  const passwordDescribedBy = [errors.password && `${id}-password-error`, showPasswordHint && `${id}-password-hint`]
    .filter(Boolean)
    .join(' ');

  return (
    <div className="auth">
      <div className="auth__card">
        <h1 className="auth__title">{title}</h1>
        <p className="auth__intro">{intro}</p>
        <form className="auth__form" noValidate onSubmit={(event) => void onSubmit(event)} aria-busy={pending}>
          {errors.form ? (
            <p className="form-error" role="alert">
              {errors.form}
            </p>
          ) : null}
          <div className="field">
            <label className="field__label" htmlFor={`${id}-username`}>
              Username
            </label>
            <input
              id={`${id}-username`}
              className="field__input"
              name="username"
              autoComplete="username"
              autoCapitalize="none"
              autoCorrect="off"
              spellCheck={false}
              required
              maxLength={64}
              aria-invalid={errors.username ? true : undefined}
              aria-describedby={usernameDescribedBy || undefined}
            />
            {showUsernameHint ? (
              <p className="field__hint" id={`${id}-username-hint`}>
                {usernameHint}
              </p>
            ) : null}
            {errors.username ? (
              <p className="field__error" id={`${id}-username-error`} role="alert">
                {errors.username}
              </p>
            ) : null}
          </div>
          <div className="field">
            <label className="field__label" htmlFor={`${id}-password`}>
              Password
            </label>
            <input
              id={`${id}-password`}
              className="field__input"
              name="password"
              type="password"
              autoComplete={action === 'signup' ? 'new-password' : 'current-password'}
              required
              maxLength={256}
              aria-invalid={errors.password ? true : undefined}
              aria-describedby={passwordDescribedBy || undefined}
            />
            {showPasswordHint ? (
              <p className="field__hint" id={`${id}-password-hint`}>
                {passwordHint}
              </p>
            ) : null}
            {errors.password ? (
              <p className="field__error" id={`${id}-password-error`} role="alert">
                {errors.password}
              </p>
            ) : null}
          </div>
          <button type="submit" className="button button--primary button--block" disabled={pending}>
            {submitLabel}
          </button>
        </form>
        <p className="auth__footer">{footer}</p>
      </div>
    </div>
  );
}

function focusFirstInvalid(id: string, errors: AuthErrors): void {
  const field = errors.username ? 'username' : errors.password ? 'password' : null;
  if (field) document.getElementById(`${id}-${field}`)?.focus();
}
