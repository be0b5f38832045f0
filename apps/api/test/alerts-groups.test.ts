import { AlertSeverity } from '@order-hub/types';
import { AlertsService } from '../src/modules/alerts/alerts.service';
import type { AlertKind } from '../src/modules/alerts/alert-kinds';
import { startTestApp, type TestApp } from './support/test-app';
import { testDatabases } from './support/test-databases';

const GROUPS = `query($f: AlertFilter) { alertKindCounts(filter: $f) { kind count unseen } }`;
const MARK = `mutation($ids: [ID!], $kinds: [String!]) { markAlertsSeen(ids: $ids, kinds: $kinds) }`;

describe.each(testDatabases())('alerts grouped by kind and marked seen in bulk, on %s', (kind) => {
  let app: TestApp;
  let alerts: AlertsService;
  let operator: string;

  beforeAll(async () => {
    app = await startTestApp(kind);
    alerts = app.running.app.get(AlertsService);
    operator = (await app.gql(`mutation { createApiToken(input: { name: "ops", role: OPERATOR }) { token } }`)).data!
      .createApiToken.token;
    // Kinds of the test's own, as a module of the hub could raise them.
    const raise = (key: string, k: string) =>
      alerts.raise({
        conditionKey: `e2e:${key}`,
        kind: k as AlertKind,
        severity: AlertSeverity.MEDIUM,
        message: `${k} ${key}`,
      });
    for (const n of [1, 2, 3]) await raise(`late-${n}`, 'E2E_LATE');
    for (const n of [1, 2]) await raise(`held-${n}`, 'E2E_HELD');
    await raise('gone', 'E2E_GONE');
    await alerts.resolve('e2e:gone');
  });
  afterAll(() => app?.close());

  const idsOf = async (k: string): Promise<string[]> =>
    (
      await app.gql(
        `query($k: [String!]) { alerts(filter: { kinds: $k, statuses: [OPEN, ACKNOWLEDGED] }) { edges { node { id } } } }`,
        {
          k: [k],
        },
      )
    ).data!.alerts.edges.map((e: { node: { id: string } }) => e.node.id);

  it('counts the unresolved alerts per kind, most first, and how many no one has seen', async () => {
    const res = await app.gql(GROUPS, {
      f: { statuses: ['OPEN', 'ACKNOWLEDGED'], kinds: ['E2E_LATE', 'E2E_HELD', 'E2E_GONE'] },
    });
    expect(res.data!.alertKindCounts).toEqual([
      { kind: 'E2E_LATE', count: 3, unseen: 3 },
      { kind: 'E2E_HELD', count: 2, unseen: 2 },
    ]);
  });

  it('marks seen the ticked alerts, then a whole kind, counting only those it changed, and names a bad argument', async () => {
    const [first] = await idsOf('E2E_LATE');
    expect((await app.gql(MARK, { ids: [first] }, operator)).data).toEqual({ markAlertsSeen: 1 });
    expect((await app.gql(MARK, { kinds: ['E2E_LATE'] }, operator)).data).toEqual({ markAlertsSeen: 2 });
    expect((await app.gql(MARK, { kinds: ['E2E_LATE'] }, operator)).data).toEqual({ markAlertsSeen: 0 });
    const groups = await app.gql(GROUPS, {
      f: { statuses: ['OPEN', 'ACKNOWLEDGED'], kinds: ['E2E_LATE', 'E2E_HELD'] },
    });
    expect(groups.data!.alertKindCounts).toEqual([
      { kind: 'E2E_LATE', count: 3, unseen: 0 },
      { kind: 'E2E_HELD', count: 2, unseen: 2 },
    ]);
    const seen = await app.gql(
      `{ alerts(filter: { kinds: ["E2E_LATE"] }) { edges { node { status acknowledgedBy } } } }`,
    );
    expect(seen.data!.alerts.edges.map((e: { node: { status: string } }) => e.node.status)).toEqual([
      'ACKNOWLEDGED',
      'ACKNOWLEDGED',
      'ACKNOWLEDGED',
    ]);

    const none = await app.gql(MARK, {}, operator);
    expect(none.errors![0]).toMatchObject({
      message: 'ids: name the alerts (ids) or their kinds.',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const badId = await app.gql(MARK, { ids: ['not-a-uuid'] }, operator);
    expect(badId.errors![0].message).toBe('ids.0: must be an id returned by the API (a UUID).');
  });
});
