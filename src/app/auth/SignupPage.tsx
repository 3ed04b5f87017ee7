import { Link, useNavigate, useSearchParams } from 'react-router';
import { api } from '../../api';
import { Credentials } from '../../contract';
import { signIn } from '../session/sessionActions';
import { capitalise } from '../shared/format';
import { safeNext } from '../shared/safeNext';
import { useDocumentTitle } from '../shared/useDocumentTitle';
import { AuthForm } from './AuthForm';
import type { AuthErrors } from './authErrors';

/** The contract's own rules, checked before sending, with the same messages the server uses. */
function validate(username: string, password: string): AuthErrors | null {
  const result = Credentials.safeParse({ username, password });
  if (result.success) return null;
  const errors: { username?: string; password?: string } = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0];
    if ((field === 'username' || field === 'password') && !errors[field]) {
      errors[field] = capitalise(`${issue.message}.`);
    }
  }
  return errors;
}

export function SignupPage() {
  useDocumentTitle('Sign up');
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const loginHref = params.get('next') ? `/login?next=${encodeURIComponent(next)}` : '/login';

  return (
    <AuthForm
      action="signup"
      title="Create your account"
      intro="Save articles and read them on any device, even offline."
      submitLabel="Sign up"
      usernameHint="3 to 32 characters: lower-case letters, digits, _ and -."
      passwordHint="At least 8 characters."
      validate={validate}
      submit={(credentials) => api.signup(credentials)}
      onSuccess={(user) => {
        signIn(user);
        void navigate(next, { replace: true });
      }}
      footer={
        <>
          Already have an account? <Link to={loginHref}>Log in</Link>
        </>
      }
    />
  );
}
