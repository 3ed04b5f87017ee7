import { useEffect } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { ArticlePage } from './article/ArticlePage';
import { LoginPage } from './auth/LoginPage';
import { SignupPage } from './auth/SignupPage';
import { BrowsePage } from './browse/BrowsePage';
import { FavoritesPage } from './favorites/FavoritesPage';
import { Layout } from './layout/Layout';
import { GuestOnly } from './session/GuestOnly';
import { RequireSignIn } from './session/RequireSignIn';
import { restoreSession } from './session/sessionActions';
import { NotFoundPage } from './shared/NotFoundPage';
import './styles/base.css';

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
