/**
 * Writes a migration with the SQL that brings a database migrated to the latest file in line with the
 * entities: `npm run migration:generate -w @order-hub/api -- AddSomething`. Runs on an in-memory PGlite,
 * so no server is needed. Add the new class to database/migrations/index.ts.
 */
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { startEmbeddedPostgres } from 'src/database/embedded-postgres';
import { schemaDrift } from 'src/database/schema-drift';
import { typeormOptions } from 'src/database/typeorm-options';

async function main() {
  const name = process.argv[2];
  if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) throw new Error('Usage: generate-migration <PascalCaseName>');
  const db = await startEmbeddedPostgres('memory');
  const ds = new DataSource(typeormOptions(db.url, 1));
  try {
    await ds.initialize();
    const drift = await schemaDrift(ds);
    if (drift.up.length === 0) {
      console.log('Entities and migrations agree: nothing to generate.');
      return;
    }
    const ts = Date.now();
    const className = `${name}${ts}`;
    const q = (sql: string) => `    await queryRunner.query(\`${sql.replace(/[`\\]|\$\{/g, (m) => '\\' + m)}\`);`;
    const file = `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  public async up(queryRunner: QueryRunner): Promise<void> {
${drift.up.map(q).join('\n')}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
${drift.down.map(q).join('\n')}
  }
}
`;
    const path = join(__dirname, '..', '..', '..', 'src', 'database', 'migrations', `${ts}-${name}.ts`);
    writeFileSync(path, file);
    console.log(`Wrote ${path}`);
  } finally {
    if (ds.isInitialized) await ds.destroy();
    await db.stop();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
