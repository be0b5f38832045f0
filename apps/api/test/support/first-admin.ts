import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from 'otplib';

const SESSION_COOKIE = 'order_hub_session';

/**
 * For suites that run the hub as a separate process: becomes the first admin the way a person does (opens the
 * first-start invitation from `<DATA_DIR>/first-admin-invitation`, chooses a password, enrols TOTP) and makes an
 * ADMIN API token with that session. Returns the token's secret.
 */
export async function adminTokenFromFirstStart(baseUrl: string, dataDir: string): Promise<string> {
  const link = readFileSync(join(dataDir, 'first-admin-invitation'), 'utf8').trim();
  const accepted = await fetch(`${baseUrl}/auth/invitations/accept`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ secret: new URL(link).hash.slice(1), password: 'Trombone-Lantern-93', name: 'Admin' }),
  });
  if (accepted.status !== 200) throw new Error(`accepting ${link}: ${accepted.status} ${await accepted.text()}`);
  const cookie = accepted.headers
    .getSetCookie()
    .find((c) => c.startsWith(`${SESSION_COOKIE}=`))!
    .split(';')[0];
  const { csrfToken } = (await accepted.json()) as { csrfToken: string };
  const gql = async (query: string, variables: Record<string, unknown> = {}) => {
    const res = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: any; errors?: unknown };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };
  const { startTotpEnrolment } = await gql('mutation { startTotpEnrolment { secret } }');
  await gql('mutation($code: String!) { confirmTotpEnrolment(code: $code) { codes } }', {
    code: await generate({ secret: startTotpEnrolment.secret as string }),
  });
  const { createApiToken } = await gql(
    'mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { token } }',
    { input: { name: 'test admin', role: 'ADMIN' } },
  );
  return createApiToken.token as string;
}
