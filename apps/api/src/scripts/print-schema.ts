/** Regenerates apps/api/schema.graphql from the code-first resolvers: `npm run schema:print -w @order-hub/api`. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from 'src/bootstrap';
import { printAppSchema, SCHEMA_FILE } from 'src/common/graphql/print-app-schema';
import { loadConfig } from 'src/config/app-config';

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'order-hub-schema-'));
  const running = await createApp(loadConfig({ DATA_DIR: dataDir, PGLITE_DIR: 'memory', LOG_LEVEL: 'silent' }));
  try {
    writeFileSync(SCHEMA_FILE, printAppSchema(running.app));
    console.log(`Wrote ${SCHEMA_FILE}`);
  } finally {
    await running.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
