import { DEFAULT_INBOX_COLUMNS } from '@order-hub/types';
import { anAccount, anOrder, insertOrders } from './support/order-fixtures';
import { createPerson, sessionGql, signIn, type Session } from './support/sessions';
import { startTestApp, type TestApp } from './support/test-app';
import { testDatabases } from './support/test-databases';

/** A saved view as the VIEWS query returns it. */
interface SavedViewRow {
  id: string;
  name: string;
  columns: string[];
  filter: Record<string, unknown>;
  sort: { field: string; direction: string } | null;
  count: { count: number; exact: boolean };
}

const PASSWORD = 'correct horse battery staple 17';
const HOUR = 3_600_000;

const VIEWS = `query { savedViews { id name filter { view channel statuses search } columns sort { field direction } count { count exact } } }`;
const SAVE = `mutation Save($input: SavedViewInput!) {
  saveView(input: $input) { id name filter { view channel statuses } columns sort { field direction } count { count exact } }
}`;
const DELETE = `mutation Delete($id: ID!) { deleteSavedView(id: $id) }`;
const COLUMNS = `query { inboxColumns }`;
const SET_COLUMNS = `mutation Set($columns: [InboxColumn!]!) { setInboxColumns(columns: $columns) }`;
const TOTAL = `query Total($filter: OrderFilter) {
  orders(filter: $filter, first: 1) { totalCount approximateCount { count exact } }
}`;

describe.each(testDatabases())('saved views and inbox columns on %s', (kind) => {
  let app: TestApp;
  let olga: Session;
  let vic: Session;

  beforeAll(async () => {
    app = await startTestApp(kind);
    // The Amazon account below would ask everyone for a second factor; these people sign in with a password only.
    const noMfa = await app.gql(
      `mutation { updateSecuritySettings(input: { requireMfa: false }) { effectiveRequireMfa } }`,
    );
    expect(noMfa.errors).toBeUndefined();
    await createPerson(app, { email: 'olga@example.com', password: PASSWORD, role: 'OPERATOR' });
    await createPerson(app, { email: 'vic@example.com', password: PASSWORD, role: 'VIEWER' });
    olga = await signIn(app, 'olga@example.com', PASSWORD);
    vic = await signIn(app, 'vic@example.com', PASSWORD);
    const walmart = await anAccount(app, 'WALMART');
    const amazon = await anAccount(app, 'AMAZON');
    const now = Date.now();
    await insertOrders(app, walmart, [
      anOrder({ status: 'ACKNOWLEDGED', shipBy: new Date(now - 2 * HOUR) }),
      anOrder({ status: 'ACKNOWLEDGED', shipBy: new Date(now - 30 * HOUR) }),
      anOrder({ status: 'SHIPPED', shipBy: new Date(now - 30 * HOUR) }),
      anOrder({ status: 'ACKNOWLEDGED', shipBy: new Date(now + 5 * 24 * HOUR) }),
    ]);
    await insertOrders(app, amazon, [
      anOrder({ status: 'ACKNOWLEDGED', shipBy: new Date(now - 3 * HOUR) }),
      anOrder({ status: 'CANCELLED', shipBy: new Date(now - 3 * HOUR) }),
    ]);
  });

  afterAll(() => app?.close());

  async function totalOf(filter: Record<string, unknown>): Promise<number> {
    const res = await app.gql<{ orders: { totalCount: number } }>(TOTAL, { filter });
    expect(res.errors).toBeUndefined();
    return res.data!.orders.totalCount;
  }

  async function save(session: Session, input: Record<string, unknown>) {
    return sessionGql(app, session, SAVE, { input });
  }

  it('saves views and lists them in order, each with the count the inbox gives for its filter', async () => {
    const late = await save(olga, {
      name: 'Walmart past due',
      filter: { view: 'PAST_DUE', channel: 'WALMART' },
      columns: ['ORDER_NUMBER', 'SHIP_BY', 'SKU'],
      sort: { field: 'SHIP_BY', direction: 'ASC' },
    });
    expect(late.errors).toBeUndefined();
    expect(late.data!.saveView).toMatchObject({
      name: 'Walmart past due',
      filter: { view: 'PAST_DUE', channel: 'WALMART', statuses: null },
      columns: ['ORDER_NUMBER', 'SHIP_BY', 'SKU'],
      sort: { field: 'SHIP_BY', direction: 'ASC' },
    });
    const cancelled = await save(olga, {
      name: 'Cancelled',
      filter: { statuses: ['CANCELLED'] },
      columns: ['CHANNEL', 'ORDER_NUMBER'],
    });
    expect(cancelled.errors).toBeUndefined();
    const everything = await save(olga, { name: 'Everything', filter: {}, columns: ['ORDER_NUMBER'] });
    expect(everything.errors).toBeUndefined();

    const listed = await sessionGql(app, olga, VIEWS);
    expect(listed.errors).toBeUndefined();
    const views = listed.data!.savedViews as SavedViewRow[];
    expect(views.map((v) => v.name)).toEqual(['Walmart past due', 'Cancelled', 'Everything']);
    expect(views[0].count).toEqual({ count: await totalOf({ view: 'PAST_DUE', channel: 'WALMART' }), exact: true });
    expect(views[0].count.count).toBe(2);
    expect(views[1].count).toEqual({ count: await totalOf({ statuses: ['CANCELLED'] }), exact: true });
    expect(views[1].count.count).toBe(1);
    expect(views[1].sort).toBeNull();
    expect(views[2].filter.view).toBe('ALL');
    // Everything unfiltered counts as the inbox's All badge does (an estimate only when there are very many).
    const all = await app.gql(TOTAL, { filter: {} });
    expect(views[2].count).toEqual(all.data!.orders.approximateCount);
    expect(views[2].count).toEqual({ count: 6, exact: true });
  });

  it('renames a view, keeps names unique per person in any case, and names the field when refused', async () => {
    const views = (await sessionGql(app, olga, VIEWS)).data!.savedViews as SavedViewRow[];
    const cancelled = views.find((v) => v.name === 'Cancelled')!;
    expect(cancelled).toBeDefined();

    const renamed = await save(olga, {
      id: cancelled.id,
      name: '  Cancelled orders ',
      filter: { statuses: ['CANCELLED'], channel: 'AMAZON' },
      columns: ['ORDER_NUMBER'],
    });
    expect(renamed.errors).toBeUndefined();
    expect(renamed.data!.saveView).toMatchObject({ id: cancelled.id, name: 'Cancelled orders' });
    expect(renamed.data!.saveView.filter).toMatchObject({ channel: 'AMAZON', statuses: ['CANCELLED'] });

    // The same name in another case is the same name; renaming a view to its own name is fine.
    const clash = await save(olga, { name: 'WALMART PAST DUE', filter: {}, columns: ['ORDER_NUMBER'] });
    expect(clash.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name' });
    expect(clash.errors?.[0].message).toBe('input.name: You already have a view named "Walmart past due".');
    const same = await save(olga, { id: cancelled.id, name: 'cancelled ORDERS', filter: {}, columns: ['AGE'] });
    expect(same.errors).toBeUndefined();

    const blank = await save(olga, { name: '   ', filter: {}, columns: ['AGE'] });
    expect(blank.errors?.[0].message).toBe('input.name: must not be blank.');
    const long = await save(olga, { name: 'x'.repeat(61), filter: {}, columns: ['AGE'] });
    expect(long.errors?.[0].message).toBe('input.name: must be at most 60 characters.');
    const badFilter = await save(olga, { name: 'Bad', filter: { search: ' ' }, columns: ['AGE'] });
    expect(badFilter.errors?.[0].message).toBe('input.filter.search: must not be blank.');
    const twice = await save(olga, { name: 'Twice', filter: {}, columns: ['AGE', 'SKU', 'AGE'] });
    expect(twice.errors?.[0].message).toBe('input.columns: must not name a column twice.');
    const none = await save(olga, { name: 'None', filter: {}, columns: [] });
    expect(none.errors?.[0].message).toBe('input.columns: must name at least one column.');
  });

  it("keeps each person's views their own: another person neither sees nor deletes them", async () => {
    const olgas = (await sessionGql(app, olga, VIEWS)).data!.savedViews as SavedViewRow[];
    expect((await sessionGql(app, vic, VIEWS)).data!.savedViews).toEqual([]);

    const stolen = await sessionGql(app, vic, DELETE, { id: olgas[0].id });
    expect(stolen.errors?.[0].extensions.code).toBe('NOT_FOUND');
    const changed = await save(vic, { id: olgas[0].id, name: 'Mine now', filter: {}, columns: ['AGE'] });
    expect(changed.errors?.[0].extensions.code).toBe('NOT_FOUND');

    // A viewer keeps views of their own, and may use a name another person has.
    const own = await save(vic, { name: 'Walmart past due', filter: { view: 'PAST_DUE' }, columns: ['AGE'] });
    expect(own.errors).toBeUndefined();
    expect(own.data!.saveView.count.count).toBe(await totalOf({ view: 'PAST_DUE' }));
    expect(((await sessionGql(app, olga, VIEWS)).data!.savedViews as SavedViewRow[]).map((v) => v.id)).toEqual(
      olgas.map((v) => v.id),
    );
  });

  it('deletes a view of yours; deleting it again says it does not exist', async () => {
    const before = (await sessionGql(app, olga, VIEWS)).data!.savedViews as SavedViewRow[];
    const gone = await sessionGql(app, olga, DELETE, { id: before[1].id });
    expect(gone.errors).toBeUndefined();
    expect(gone.data!.deleteSavedView).toBe(true);
    const after = (await sessionGql(app, olga, VIEWS)).data!.savedViews as SavedViewRow[];
    expect(after.map((v) => v.id)).toEqual([before[0].id, before[2].id]);
    const again = await sessionGql(app, olga, DELETE, { id: before[1].id });
    expect(again.errors?.[0]).toMatchObject({
      message: `Saved view ${before[1].id} does not exist.`,
      extensions: { code: 'NOT_FOUND' },
    });
    // The next view goes last, after the remaining ones.
    await save(olga, { name: 'Newest', filter: {}, columns: ['AGE'] });
    const names = ((await sessionGql(app, olga, VIEWS)).data!.savedViews as SavedViewRow[]).map((v) => v.name);
    expect(names).toEqual([before[0].name, before[2].name, 'Newest']);
  });

  it('keeps at most 30 views per person', async () => {
    const have = ((await sessionGql(app, vic, VIEWS)).data!.savedViews as SavedViewRow[]).length;
    for (let i = have; i < 30; i += 1) {
      expect((await save(vic, { name: `View ${i}`, filter: {}, columns: ['AGE'] })).errors).toBeUndefined();
    }
    const tooMany = await save(vic, { name: 'One more', filter: {}, columns: ['AGE'] });
    expect(tooMany.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input' });
    expect(tooMany.errors?.[0].message).toMatch(/30 saved views/);
  });

  it("remembers each person's inbox columns, in the order chosen, and names the field of a bad column", async () => {
    expect((await sessionGql(app, olga, COLUMNS)).data!.inboxColumns).toEqual([...DEFAULT_INBOX_COLUMNS]);
    const chosen = ['SKU', 'ORDER_NUMBER', 'EXPEDITED', 'SHIP_TO_STATE', 'AGE'];
    const set = await sessionGql(app, olga, SET_COLUMNS, { columns: chosen });
    expect(set.errors).toBeUndefined();
    expect(set.data!.setInboxColumns).toEqual(chosen);
    expect((await sessionGql(app, olga, COLUMNS)).data!.inboxColumns).toEqual(chosen);
    expect((await sessionGql(app, vic, COLUMNS)).data!.inboxColumns).toEqual([...DEFAULT_INBOX_COLUMNS]);

    const changed = await sessionGql(app, olga, SET_COLUMNS, { columns: ['CHANNEL'] });
    expect(changed.data!.setInboxColumns).toEqual(['CHANNEL']);
    expect((await sessionGql(app, olga, COLUMNS)).data!.inboxColumns).toEqual(['CHANNEL']);

    const unknown = await sessionGql(app, olga, SET_COLUMNS, { columns: ['COLOUR'] });
    expect(unknown.errors?.[0].message).toMatch(/columns/);
    const empty = await sessionGql(app, olga, SET_COLUMNS, { columns: [] });
    expect(empty.errors?.[0]).toMatchObject({
      message: 'columns: must name at least one column.',
      extensions: { code: 'BAD_USER_INPUT', field: 'columns' },
    });
    const twice = await sessionGql(app, olga, SET_COLUMNS, { columns: ['SKU', 'SKU'] });
    expect(twice.errors?.[0].message).toBe('columns: must not name a column twice.');
    expect((await sessionGql(app, olga, COLUMNS)).data!.inboxColumns).toEqual(['CHANNEL']);
  });

  it('gives an API token no views and the default columns, and tells it why when it tries to save', async () => {
    expect((await app.gql(VIEWS)).data!.savedViews).toEqual([]);
    expect((await app.gql(COLUMNS)).data!.inboxColumns).toEqual([...DEFAULT_INBOX_COLUMNS]);
    const message = 'Saved views and columns belong to a signed-in person; API tokens have none.';
    const saved = await app.gql(SAVE, { input: { name: 'Bot', filter: {}, columns: ['AGE'] } });
    expect(saved.errors?.[0]).toMatchObject({ message, extensions: { code: 'FORBIDDEN' } });
    const cols = await app.gql(SET_COLUMNS, { columns: ['AGE'] });
    expect(cols.errors?.[0]).toMatchObject({ message, extensions: { code: 'FORBIDDEN' } });
    const views = (await sessionGql(app, olga, VIEWS)).data!.savedViews as SavedViewRow[];
    const deleted = await app.gql(DELETE, { id: views[0].id });
    expect(deleted.errors?.[0]).toMatchObject({ message, extensions: { code: 'FORBIDDEN' } });
  });
});
