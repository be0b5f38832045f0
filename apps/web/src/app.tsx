import { QueryClientProvider } from '@tanstack/react-query';
import { createBrowserRouter, Link, RouterProvider } from 'react-router';
import { ShipmentsUploadPage } from './features/actions/routes/shipments-upload-page';
import { AccountsPage } from './features/accounts/routes/accounts-page';
import { AuthenticatedLayout } from './features/auth/components/authenticated-layout';
import { LoginPage } from './features/auth/routes/login-page';
import { InboxPage } from './features/orders/routes/inbox-page';
import { OrderDetailPage } from './features/orders/routes/order-detail-page';
import { OutboxPage } from './features/outbox/routes/outbox-page';
import { queryClient } from './lib/api';

const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    element: <AuthenticatedLayout />,
    children: [
      { index: true, element: <InboxPage /> },
      { path: 'orders/:id', element: <OrderDetailPage /> },
      { path: 'settings/accounts', element: <AccountsPage /> },
      { path: 'outbox', element: <OutboxPage /> },
      { path: 'shipments/upload', element: <ShipmentsUploadPage /> },
      {
        path: '*',
        element: (
          <p className="empty" data-testid="page-not-found">
            Nothing here. <Link to="/">Back to the inbox</Link>
          </p>
        ),
      },
    ],
  },
]);

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}
