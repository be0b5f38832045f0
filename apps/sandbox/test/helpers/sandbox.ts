import { type Sandbox, type SandboxOptions, createSandbox } from '../../src';
import { AmazonClient, WalmartClient } from './clients';

export const T0 = new Date('2026-11-20T15:00:00.000Z');

export function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  return createSandbox({ clock: T0, seed: 42, ...options });
}

export async function walmartSeller(sandbox: Sandbox, count = 0, extra: Record<string, unknown> = {}) {
  const creds = sandbox.createAccount('WALMART');
  const orderIds =
    count > 0 ? sandbox.generateOrders({ accountId: creds.accountId, count, seed: 7, ...extra }).orderIds : [];
  const client = new WalmartClient(sandbox.walmartBaseUrl, creds);
  await client.authenticate();
  return { creds, client, orderIds };
}

export async function amazonSeller(sandbox: Sandbox, count = 0, extra: Record<string, unknown> = {}) {
  const creds = sandbox.createAccount('AMAZON');
  const orderIds =
    count > 0 ? sandbox.generateOrders({ accountId: creds.accountId, count, seed: 7, ...extra }).orderIds : [];
  if (!creds.refreshToken) throw new Error('amazon account without refresh token');
  const client = new AmazonClient(sandbox.amazonBaseUrl, {
    clientId: creds.clientId,
    clientSecret: creds.clientSecret,
    refreshToken: creds.refreshToken,
  });
  await client.authenticate();
  return { creds, client, orderIds };
}
