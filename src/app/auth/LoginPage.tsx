import { Link, useNavigate, useSearchParams } from 'react-router';
import { api } from '../../api';
import { signIn } from '../session/sessionActions';
import { safeNext } from '../shared/safeNext';
import { useDocumentTitle } from '../shared/useDocumentTitle';
import { AuthForm } from './AuthForm';

function validate(username: string, password: string) {
  if (!username || !password) {
    return {
      username: username ? undefined : 'Enter your username.',
      password: password ? undefined : 'Enter your password.',
    };
  }
  return null;
}

export function LoginPage() {
  useDocumentTitle('Log in');
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const signupHref = params.get('next') ? `/signup?next=${encodeURIComponent(next)}` : '/signup';

  return (
    <AuthForm
      action="login"
      title="Welcome back"
      intro="Log in to see your favorites and save new ones."
      submitLabel="Log in"
      validate={validate}
      submit={(credentials) => api.login(credentials)}
      onSuccess={(user) => {
        signIn(user);
        void navigate(next, { replace: true });
      }}
      footer={
        <>
          New here? <Link to={signupHref}>Sign up</Link>
        </>
      }
    />
  );
}
