import { createSandbox } from './sandbox';

function integer(name: string, raw: string | undefined, fallback: number | undefined, max: number): number | undefined {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > max) {
    console.error(`${name} must be an integer between 0 and ${max}, got "${raw}"`);
    process.exit(1);
  }
  return value;
}

async function main(): Promise<void> {
  const sandbox = await createSandbox({
    port: integer('PORT', process.env.PORT, 4010, 65535),
    host: process.env.HOST ?? '127.0.0.1',
    seed: integer('SANDBOX_SEED', process.env.SANDBOX_SEED, undefined, 2 ** 32 - 1),
    controlApiKey: process.env.SANDBOX_API_KEY || undefined,
    snapshotFile: process.env.SANDBOX_SNAPSHOT || undefined,
    throttling: process.env.SANDBOX_THROTTLING !== 'off',
    logger: process.env.SANDBOX_LOG === '1',
    easypostApiKeys: process.env.SANDBOX_EASYPOST_KEY ? [process.env.SANDBOX_EASYPOST_KEY] : undefined,
  });
  console.log(`order-hub sandbox listening on ${sandbox.baseUrl}`);
  console.log(`  Walmart Marketplace: ${sandbox.walmartBaseUrl}`);
  console.log(`  Amazon SP-API:       ${sandbox.amazonBaseUrl}  (LWA: ${sandbox.amazonBaseUrl}/auth/o2/token)`);
  console.log(`  EasyPost:            ${sandbox.easypostBaseUrl}  (key: ${sandbox.easypostApiKey})`);
  console.log(`  Control API:         ${sandbox.controlBaseUrl}`);
  const stop = () => {
    sandbox.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
