import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TypeMetadataStorage } from '@nestjs/graphql/dist/schema-builder/storages/type-metadata.storage';
import { PUBLIC_OPERATION, REQUIRED_ROLE } from '../src/modules/auth/roles.decorator';
import { startTestApp, type TestApp } from './support/test-app';

const SECURITY_DOC = join(__dirname, '..', '..', '..', 'docs', 'security.md');

/** The operations docs/security.md lists in its "Who may do what" table, by the row's first cell. */
function documentedOperations(): Record<string, Set<string>> {
  const doc = readFileSync(SECURITY_DOC, 'utf8');
  const section = doc.slice(doc.indexOf('## Who may do what'), doc.indexOf('## Where the secrets live'));
  const rows: Record<string, Set<string>> = {};
  for (const line of section.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    if (!['anonymous', 'VIEWER', 'OPERATOR', 'ADMIN'].includes(cells[1])) continue;
    rows[cells[1]] = new Set([...cells[2].matchAll(/`([a-zA-Z]+)`/g)].map((m) => m[1]));
  }
  return rows;
}

describe('docs/security.md', () => {
  let app: TestApp;
  beforeAll(async () => {
    // Booting the app loads every resolver's metadata.
    app = await startTestApp('pglite');
  });
  afterAll(() => app?.close());

  it('names every query and mutation under the role that guards it (as @RequireRole / @Public say)', () => {
    const byRole: Record<string, Set<string>> = {
      anonymous: new Set(),
      VIEWER: new Set(),
      OPERATOR: new Set(),
      ADMIN: new Set(),
    };
    for (const op of [...TypeMetadataStorage.getQueriesMetadata(), ...TypeMetadataStorage.getMutationsMetadata()]) {
      const handler = (op.target.prototype as Record<string, object>)[op.methodName];
      const role = Reflect.getMetadata(PUBLIC_OPERATION, handler)
        ? 'anonymous'
        : ((Reflect.getMetadata(REQUIRED_ROLE, handler) as string | undefined) ?? 'VIEWER');
      byRole[role].add(op.schemaName);
    }
    expect(byRole.VIEWER.size + byRole.OPERATOR.size + byRole.ADMIN.size).toBeGreaterThan(30);

    const documented = documentedOperations();
    for (const role of ['VIEWER', 'OPERATOR', 'ADMIN'])
      expect([...documented[role]].sort()).toEqual([...byRole[role]].sort());
    expect([...byRole.anonymous]).toEqual(['health']);
    expect(documented.anonymous.has('health')).toBe(true);
  });
});
