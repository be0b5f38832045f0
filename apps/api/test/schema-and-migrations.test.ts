import { readFileSync } from 'node:fs';
import { printAppSchema, SCHEMA_FILE } from '../src/common/graphql/print-app-schema';
import { schemaDrift } from '../src/database/schema-drift';
import { startTestApp, type TestApp } from './support/test-app';
import { testDatabases } from './support/test-databases';

describe.each(testDatabases())('schema and migrations on %s', (kind) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(kind);
  });
  afterAll(() => app?.close());

  it('serves exactly the committed schema.graphql (run `npm run schema:print -w @order-hub/api` after changing it)', () => {
    expect(printAppSchema(app.running.app)).toBe(readFileSync(SCHEMA_FILE, 'utf8'));
  });

  it('has migrations that agree with the entities (run `npm run migration:generate -w @order-hub/api -- Name`)', async () => {
    expect(await schemaDrift(app.ds)).toEqual({ up: [], down: [] });
  });

  it('creates the partial indexes the inbox views and the buyer data purge rely on', async () => {
    const rows: { indexname: string }[] = await app.ds.query(
      `SELECT indexname FROM pg_indexes WHERE tablename = 'order' AND indexdef LIKE '%WHERE%' ORDER BY indexname`,
    );
    expect(rows.map((r) => r.indexname)).toEqual([
      'ix_order_buyer_data_held',
      'ix_order_buyer_data_returned',
      'ix_order_open_account_ship_by',
      'ix_order_open_ship_by',
    ]);
  });

  it('reverts every migration and applies them again', async () => {
    const count = app.ds.migrations.length;
    for (let i = 0; i < count; i++) await app.ds.undoLastMigration({ transaction: 'each' });
    const tables: { n: number }[] = await app.ds.query(
      `SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'migrations'`,
    );
    expect(tables[0].n).toBe(0);
    await app.ds.runMigrations({ transaction: 'each' });
    expect(await schemaDrift(app.ds)).toEqual({ up: [], down: [] });
  });
});
