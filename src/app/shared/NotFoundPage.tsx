import { Link } from 'react-router';
import { useDocumentTitle } from './useDocumentTitle';

export function NotFoundPage() {
  useDocumentTitle('Page not found');
  return (
    <div className="page page--narrow">
      <h1 className="page-title">Page not found</h1>
      <p>There is nothing at this address.</p>
      <p>
        <Link to="/">Back to all articles</Link>
      </p>
    </div>
  );
}
