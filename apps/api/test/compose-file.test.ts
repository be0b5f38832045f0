import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const COMPOSE_FILE = join(__dirname, '..', '..', '..', 'docker-compose.yml');

function compose(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync('docker-compose', ['-f', COMPOSE_FILE, ...args], {
    env: { PATH: process.env.PATH, ...env },
    encoding: 'utf8',
  });
  if (result.error)
    throw new Error(
      `docker-compose is needed to check the compose file (apt-get install docker-compose): ${result.error.message}`,
    );
  return result;
}

describe('docker-compose.yml', () => {
  it('is accepted by docker-compose and runs postgres, redis, the api, workers and the sandbox', () => {
    const env = { CREDENTIALS_KEY: 'a'.repeat(44) };
    const check = compose(['config', '-q'], env);
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
    const services = compose(['--profile', 'sandbox', 'config', '--services'], env);
    expect(services.stdout.trim().split('\n').sort()).toEqual(['api', 'postgres', 'redis', 'sandbox', 'worker']);
  });

  it('refuses to start without a credentials key rather than generating one per container', () => {
    const check = compose(['config', '-q']);
    expect(check.status).not.toBe(0);
    expect(check.stderr).toContain('CREDENTIALS_KEY');
  });
});
