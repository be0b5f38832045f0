import { createApp } from './bootstrap';
import { ConfigError, loadConfig } from './config/app-config';

async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  const running = await createApp(config);
  const shutdown = async (signal: string) => {
    running.app.getHttpAdapter().getInstance().log.info(`${signal}: shutting down`);
    await running.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  await running.app.listen(config.port, config.host);
  const shown = config.host === '0.0.0.0' ? 'localhost' : config.host;
  process.stdout.write(
    `order-hub listening on http://${shown}:${config.port} (console at /, GraphQL at /graphql, database: ${running.database.kind})\n`,
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
