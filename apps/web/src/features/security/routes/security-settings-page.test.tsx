import { fireEvent, screen, waitFor } from '@testing-library/react';
import { request } from '@/lib/api';
import { serve } from '@/test/serve';
import { renderRoutes } from '@/test/render-routes';
import { SecuritySettingsPage } from './security-settings-page';

jest.mock('@/lib/api', () => ({ request: jest.fn() }));
afterEach(() => (request as unknown as jest.Mock).mockReset());

const me = (role: string) => () => ({ me: { name: 'a@example.com', role, user: { id: 'u' } } });
const settings = {
  requireMfa: null,
  requireMfaDefault: true,
  effectiveRequireMfa: true,
  reason: 'On by default: an Amazon account is connected, and Amazon requires MFA for anyone seeing buyer data.',
};

test('the default is explained; choosing "Only for admins" saves requireMfa false, and back to the default null', async () => {
  const calls = serve({
    Me: me('ADMIN'),
    SecuritySettings: () => ({ securitySettings: settings }),
    UpdateSecuritySettings: ({ input }) => {
      const requireMfa = (input as { requireMfa: boolean | null }).requireMfa;
      return {
        updateSecuritySettings: { ...settings, requireMfa, effectiveRequireMfa: requireMfa ?? true },
      };
    },
  });
  renderRoutes('/settings/security', { '/settings/security': <SecuritySettingsPage /> });
  expect((await screen.findByTestId('require-mfa-reason')).textContent).toBe(settings.reason);
  expect(screen.getByTestId<HTMLInputElement>('require-mfa-default').checked).toBe(true);
  expect(screen.getByTestId<HTMLButtonElement>('security-save').disabled).toBe(true);
  fireEvent.click(screen.getByLabelText('Only for admins'));
  fireEvent.click(screen.getByTestId('security-save'));
  await screen.findByTestId('security-saved');
  expect(screen.getByTestId('require-mfa-effective').textContent).toMatch(/required for admins only/);
  fireEvent.click(screen.getByTestId('require-mfa-default'));
  fireEvent.click(screen.getByTestId('security-save'));
  await waitFor(() =>
    expect(calls.filter((call) => call.operation === 'UpdateSecuritySettings').map((call) => call.variables)).toEqual([
      { input: { requireMfa: false } },
      { input: { requireMfa: null } },
    ]),
  );
});

test('operators read that only admins change it', async () => {
  serve({ Me: me('OPERATOR') });
  renderRoutes('/settings/security', { '/settings/security': <SecuritySettingsPage /> });
  expect((await screen.findByTestId('admin-only')).textContent).toBe('Only admins can change the security settings.');
});
