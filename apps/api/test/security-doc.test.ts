import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buyerDataPolicy } from '@order-hub/rules';
import { CHANNELS } from '@order-hub/types';
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

describe('docs/security.md on buyer data and encryption at rest', () => {
  const doc = readFileSync(SECURITY_DOC, 'utf8');
  const section = (title: string) => {
    const start = doc.indexOf(`## ${title}`);
    expect(start).toBeGreaterThan(-1);
    const end = doc.indexOf('\n## ', start + 3);
    return doc.slice(start, end === -1 ? undefined : end);
  };

  it("states each channel's retention and MFA rule as the policy table has them", () => {
    const text = section("Buyer data (Amazon's Data Protection Policy)");
    for (const channel of CHANNELS) {
      const policy = buyerDataPolicy(channel);
      const name = channel.charAt(0) + channel.slice(1).toLowerCase();
      const row = text.split('\n').find((l) => l.startsWith(`| ${name} |`));
      expect(row).toBeDefined();
      expect(row).toContain(`| ${policy.piiRetentionDaysAfterDelivery} days |`);
      expect(row).toContain(policy.requiresMfa ? '| yes' : '| no');
    }
    for (const promise of [
      'buyer_data.purged',
      'buyerDataAccessLog',
      '/api/buyer-data-access.csv',
      'SKIP LOCKED',
      'ZIP3',
    ])
      expect(text).toContain(promise);
  });

  it('says how to run PostgreSQL and the embedded database on encrypted disks', () => {
    const text = section('Encryption at rest');
    for (const way of ['LUKS', 'RDS', 'EBS', 'CMEK', 'Azure', 'PGlite', 'Backups', 'CREDENTIALS_KEY'])
      expect(text).toContain(way);
  });
});
