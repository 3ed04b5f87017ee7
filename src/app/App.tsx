import { lazy, useEffect } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { BrowsePage } from './browse/BrowsePage';
import { Layout } from './layout/Layout';
import { GuestOnly } from './session/GuestOnly';
import { RequireSignIn } from './session/RequireSignIn';
import { restoreSession } from './session/sessionActions';
import { NotFoundPage } from './shared/NotFoundPage';
import './styles/base.css';

/*
 * Browse is the start page and stays in the entry chunk; the other pages load when first
 * visited (Layout's Suspense shows the spinner meanwhile), so a cold start parses only what
 * Browse needs: not the reader's DOMPurify, nor the Favorites and auth pages. The service
 * worker precaches every chunk, so they open offline all the same.
 */
const ArticlePage = lazy(() => import('./article/ArticlePage').then((module) => ({ default: module.ArticlePage })));
const FavoritesPage = lazy(() =>
  import('./favorites/FavoritesPage').then((module) => ({ default: module.FavoritesPage })),
);
const PublicProfileRoute = lazy(() =>
  import('./profile/PublicProfilePage').then((module) => ({ default: module.PublicProfileRoute })),
);
const LoginPage = lazy(() => import('./auth/LoginPage').then((module) => ({ default: module.LoginPage })));
const SignupPage = lazy(() => import('./auth/SignupPage').then((module) => ({ default: module.SignupPage })));

const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { path: '/', element: <BrowsePage /> },
      { path: '/articles/:id', element: <ArticlePage /> },
      {
        path: '/favorites',
        element: (
          <RequireSignIn>
            <FavoritesPage />
          </RequireSignIn>
        ),
      },
      { path: '/login', element: <GuestOnly><LoginPage /></GuestOnly> },
      { path: '/signup', element: <GuestOnly><SignupPage /></GuestOnly> },
      // `/@username` (React Router matches whole segments only; the page checks the `@`).
      { path: '/:handle', element: <PublicProfileRoute /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

export function App() {
  useEffect(() => {
    void restoreSession();
  }, []);
  return <RouterProvider router={router} />;
}
