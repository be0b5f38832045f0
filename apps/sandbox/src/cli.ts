import { createSandbox } from './sandbox';

function parsePort(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 4010;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`PORT must be an integer between 0 and 65535, got "${raw}"`);
    process.exit(1);
  }
  return port;
}

async function main(): Promise<void> {
  const sandbox = await createSandbox({
    port: parsePort(process.env.PORT),
    host: process.env.HOST ?? '127.0.0.1',
    seed: process.env.SANDBOX_SEED ? Number(process.env.SANDBOX_SEED) : undefined,
    controlApiKey: process.env.SANDBOX_API_KEY || undefined,
    snapshotFile: process.env.SANDBOX_SNAPSHOT || undefined,
    throttling: process.env.SANDBOX_THROTTLING !== 'off',
    logger: process.env.SANDBOX_LOG === '1',
  });
  console.log(`order-hub sandbox listening on ${sandbox.baseUrl}`);
  console.log(`  Walmart Marketplace: ${sandbox.walmartBaseUrl}`);
  console.log(`  Amazon SP-API:       ${sandbox.amazonBaseUrl}  (LWA: ${sandbox.amazonBaseUrl}/auth/o2/token)`);
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
