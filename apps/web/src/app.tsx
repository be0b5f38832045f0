import { QueryClientProvider } from '@tanstack/react-query';
import { lazy, type ReactNode, Suspense } from 'react';
import { createBrowserRouter, Link, Navigate } from 'react-router';
// From react-router/dom: it brings ReactDOM.flushSync, which the URL-held filters ask for (see alerts-page).
import { RouterProvider } from 'react-router/dom';
import { AccountsPage } from './features/accounts/routes/accounts-page';
import { AuthenticatedLayout } from './layout/authenticated-layout';
import { SignInPage } from './features/auth/routes/sign-in-page';
import { MfaChallengePage } from './features/auth/routes/mfa-challenge-page';
import { MfaEnrolPage } from './features/auth/routes/mfa-enrol-page';
import { InvitePage } from './features/auth/routes/invite-page';
import { ResetPasswordPage } from './features/auth/routes/reset-password-page';
import { ForgotPasswordPage } from './features/auth/routes/forgot-password-page';
import { InboxPage } from './features/orders/routes/inbox-page';
import { OrderByNumberPage, OrderDetailPage } from './features/orders/routes/order-detail-page';
import { Loading } from './components/loading';
import { queryClient } from './lib/api';
import './features/compliance/compliance.css';
import './features/bulk/bulk.css';
import './features/evidence/evidence.css';
import './features/labels/labels.css';
import './features/print/print.css';
import './features/orders/carrier-tracking.css';
import './features/orders/inbox.css';
import './features/saved-views/saved-views.css';
import './features/returns/returns.css';
import './features/messages/messages.css';
import './features/suppliers/suppliers.css';

// Pages most sessions never open load on first visit.
const OutboxPage = lazy(() => import('./features/outbox/routes/outbox-page').then((m) => ({ default: m.OutboxPage })));
const ShipmentsUploadPage = lazy(() =>
  import('./features/actions/routes/shipments-upload-page').then((m) => ({ default: m.ShipmentsUploadPage })),
);
const McfQueuePage = lazy(() =>
  import('./features/mcf/routes/mcf-queue-page').then((m) => ({ default: m.McfQueuePage })),
);
const McfSkuMapPage = lazy(() =>
  import('./features/mcf/routes/mcf-sku-map-page').then((m) => ({ default: m.McfSkuMapPage })),
);
const RoutingRulesPage = lazy(() =>
  import('./features/routing/routes/routing-rules-page').then((m) => ({ default: m.RoutingRulesPage })),
);
const BulkShipPage = lazy(() =>
  import('./features/bulk/routes/bulk-ship-page').then((m) => ({ default: m.BulkShipPage })),
);
const ReturnsPage = lazy(() =>
  import('./features/returns/routes/returns-page').then((m) => ({ default: m.ReturnsPage })),
);
const ReturnDetailPage = lazy(() =>
  import('./features/returns/routes/return-detail-page').then((m) => ({ default: m.ReturnDetailPage })),
);
const AlertsPage = lazy(() => import('./features/alerts/routes/alerts-page').then((m) => ({ default: m.AlertsPage })));
const CompliancePage = lazy(() =>
  import('./features/compliance/routes/compliance-page').then((m) => ({ default: m.CompliancePage })),
);
const EvidencePage = lazy(() =>
  import('./features/evidence/routes/evidence-page').then((m) => ({ default: m.EvidencePage })),
);
const TrackingProviderPage = lazy(() =>
  import('./features/tracking-provider/routes/tracking-provider-page').then((m) => ({
    default: m.TrackingProviderPage,
  })),
);
const UsersPage = lazy(() => import('./features/users/routes/users-page').then((m) => ({ default: m.UsersPage })));
const ApiTokensPage = lazy(() =>
  import('./features/api-tokens/routes/api-tokens-page').then((m) => ({ default: m.ApiTokensPage })),
);
const SecuritySettingsPage = lazy(() =>
  import('./features/security/routes/security-settings-page').then((m) => ({ default: m.SecuritySettingsPage })),
);
const BuyerDataAccessPage = lazy(() =>
  import('./features/buyer-data/routes/buyer-data-access-page').then((m) => ({ default: m.BuyerDataAccessPage })),
);
const PackingSlipsPage = lazy(() =>
  import('./features/print/routes/packing-slips-page').then((m) => ({ default: m.PackingSlipsPage })),
);
const PickListPage = lazy(() =>
  import('./features/print/routes/pick-list-page').then((m) => ({ default: m.PickListPage })),
);
const LabelSettingsPage = lazy(() =>
  import('./features/labels/routes/label-settings-page').then((m) => ({ default: m.LabelSettingsPage })),
);
const BinsPage = lazy(() => import('./features/bins/routes/bins-page').then((m) => ({ default: m.BinsPage })));
const SuppliersPage = lazy(() =>
  import('./features/suppliers/routes/suppliers-page').then((m) => ({ default: m.SuppliersPage })),
);
const SupplierDetailPage = lazy(() =>
  import('./features/suppliers/routes/supplier-detail-page').then((m) => ({ default: m.SupplierDetailPage })),
);
const SupplierLinkPage = lazy(() =>
  import('./features/supplier-link/routes/supplier-link-page').then((m) => ({ default: m.SupplierLinkPage })),
);
const MessagesPage = lazy(() =>
  import('./features/messages/routes/messages-page').then((m) => ({ default: m.MessagesPage })),
);
const MailboxSettingsPage = lazy(() =>
  import('./features/mailbox/routes/mailbox-settings-page').then((m) => ({ default: m.MailboxSettingsPage })),
);
const NotificationsSettingsPage = lazy(() =>
  import('./features/notifications/routes/notifications-settings-page').then((m) => ({
    default: m.NotificationsSettingsPage,
  })),
);
const AccountPage = lazy(() => import('./features/auth/routes/account-page').then((m) => ({ default: m.AccountPage })));
const later = (page: ReactNode) => <Suspense fallback={<Loading />}>{page}</Suspense>;

const router = createBrowserRouter([
  { path: '/sign-in', element: <SignInPage /> },
  { path: '/sign-in/mfa', element: <MfaChallengePage /> },
  { path: '/mfa/enrol', element: <MfaEnrolPage /> },
  { path: '/invite', element: <InvitePage /> },
  { path: '/reset-password', element: <ResetPasswordPage /> },
  { path: '/forgot-password', element: <ForgotPasswordPage /> },
  { path: '/login', element: <Navigate to="/sign-in" replace /> },
  // A supplier's page from its purchase order: no account, no nav; the signed token is the key.
  { path: '/supplier/:token', element: later(<SupplierLinkPage />) },
  {
    element: <AuthenticatedLayout />,
    children: [
      { index: true, element: <InboxPage /> },
      { path: 'orders/:id', element: <OrderDetailPage /> },
      { path: 'orders/:channel/:number', element: <OrderByNumberPage /> },
      { path: 'settings/accounts', element: <AccountsPage /> },
      { path: 'settings/routing', element: later(<RoutingRulesPage />) },
      { path: 'settings/mcf-skus', element: later(<McfSkuMapPage />) },
      { path: 'settings/tracking', element: later(<TrackingProviderPage />) },
      { path: 'settings/users', element: later(<UsersPage />) },
      { path: 'settings/api-tokens', element: later(<ApiTokensPage />) },
      { path: 'settings/security', element: later(<SecuritySettingsPage />) },
      { path: 'settings/buyer-data-access', element: later(<BuyerDataAccessPage />) },
      { path: 'settings/bins', element: later(<BinsPage />) },
      { path: 'settings/labels', element: later(<LabelSettingsPage />) },
      { path: 'settings/mailbox', element: later(<MailboxSettingsPage />) },
      { path: 'settings/notifications', element: later(<NotificationsSettingsPage />) },
      { path: 'print/packing-slips', element: later(<PackingSlipsPage />) },
      { path: 'print/pick-list', element: later(<PickListPage />) },
      { path: 'account', element: later(<AccountPage />) },
      { path: 'outbox', element: later(<OutboxPage />) },
      { path: 'mcf', element: later(<McfQueuePage />) },
      { path: 'messages', element: later(<MessagesPage />) },
      { path: 'alerts', element: later(<AlertsPage />) },
      { path: 'returns', element: later(<ReturnsPage />) },
      { path: 'returns/:id', element: later(<ReturnDetailPage />) },
      { path: 'suppliers', element: later(<SuppliersPage />) },
      { path: 'suppliers/:id', element: later(<SupplierDetailPage />) },
      { path: 'bulk/ship', element: later(<BulkShipPage />) },
      { path: 'compliance', element: <Navigate to="/compliance/walmart" replace /> },
      { path: 'compliance/:channel', element: later(<CompliancePage />) },
      { path: 'orders/:id/evidence', element: later(<EvidencePage />) },
      { path: 'shipments/upload', element: later(<ShipmentsUploadPage />) },
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
