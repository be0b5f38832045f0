import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { API_ROOT } from 'src/api-root';
import { CONFIG_VARIABLES, ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'order-hub-config-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    [{ PORT: 'eighty' }, 'Invalid configuration: PORT must be a number (got "eighty")'],
    [{ PORT: '70000' }, 'Invalid configuration: PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'Invalid configuration: DATABASE_URL must be a postgres:// or postgresql:// URL'],
    [{ CREDENTIALS_KEY: 'c2hvcnQ=' }, 'Invalid configuration: CREDENTIALS_KEY must be 32 bytes, base64-encoded'],
    [{ DEMO_DATA: 'yes' }, 'Invalid configuration: DEMO_DATA must be true or false'],
    [{ LOG_LEVEL: 'loud' }, 'Invalid configuration: LOG_LEVEL'],
    [{ TRUST_PROXY: 'yes' }, 'Invalid configuration: TRUST_PROXY must be true, false, a number of proxy hops'],
    [{ PUSH_QUEUE_URL: 'order-hub' }, 'Invalid configuration: PUSH_QUEUE_URL must be the queue URL'],
    [{ PUSH_QUEUE_ARN: 'arn:aws:sns:us-east-1:1:x' }, 'Invalid configuration: PUSH_QUEUE_ARN must be an SQS queue ARN'],
    [
      { PUSH_QUEUE_ENDPOINT: 'http://127.0.0.1:4010/sqs' },
      'Invalid configuration: PUSH_QUEUE_ENDPOINT must be an http(s) origin',
    ],
  ])('stops on %j with one line naming the variable', (env, message) => {
    let error: unknown;
    try {
      loadConfig({ DATA_DIR: dir, ...env });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message.startsWith(message)).toBe(true);
    expect((error as Error).message).not.toContain('\n');
  });

  it('defaults to the embedded database under DATA_DIR and generates a private credentials key once', () => {
    const config = loadConfig({ DATA_DIR: dir });
    expect(config.database).toEqual({ kind: 'pglite', dataDir: join(dir, 'pglite') });
    expect(config.port).toBe(3000);
    expect(config.credentialsKey).toHaveLength(32);
    expect(statSync(join(dir, 'credentials.key')).mode & 0o777).toBe(0o600);
    expect(loadConfig({ DATA_DIR: dir }).credentialsKey.equals(config.credentialsKey)).toBe(true);
    expect(readFileSync(join(dir, 'credentials.key'), 'utf8').trim()).toBe(config.credentialsKey.toString('base64'));
  });

  it('uses a PostgreSQL server when DATABASE_URL is set, and an explicit key when given', () => {
    const key = Buffer.alloc(32, 7).toString('base64');
    const config = loadConfig({
      DATA_DIR: dir,
      DATABASE_URL: 'postgresql://u@db:5432/hub',
      CREDENTIALS_KEY: key,
      PORT: '8080',
    });
    expect(config.database).toEqual({ kind: 'postgres', url: 'postgresql://u@db:5432/hub' });
    expect(config.credentialsKey.toString('base64')).toBe(key);
    expect(config.port).toBe(8080);
  });

  it.each([
    ['false', false],
    ['true', true],
    ['2', 2],
    ['10.0.0.1, 10.0.0.0/8', ['10.0.0.1', '10.0.0.0/8']],
  ])('reads TRUST_PROXY=%s as Fastify trustProxy %j', (value, expected) => {
    expect(loadConfig({ DATA_DIR: dir, TRUST_PROXY: value }).trustProxy).toEqual(expected);
  });

  it('reads the push queue settings, off without PUSH_QUEUE_URL', () => {
    expect(loadConfig({ DATA_DIR: dir }).pushQueue).toBeNull();
    expect(
      loadConfig({
        DATA_DIR: dir,
        PUSH_QUEUE_URL: 'https://sqs.us-east-2.amazonaws.com/123456789012/order-hub',
        PUSH_QUEUE_ARN: 'arn:aws:sqs:us-east-2:123456789012:order-hub',
        PUSH_QUEUE_REGION: 'us-east-2',
      }).pushQueue,
    ).toEqual({
      url: 'https://sqs.us-east-2.amazonaws.com/123456789012/order-hub',
      arn: 'arn:aws:sqs:us-east-2:123456789012:order-hub',
      endpoint: null,
      region: 'us-east-2',
      maxReceives: 5,
    });
  });

  it('documents every variable in .env.example, and nothing else', () => {
    const example = readFileSync(join(API_ROOT, '..', '..', '.env.example'), 'utf8');
    const documented = [...example.matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]);
    expect([...new Set(documented)].sort()).toEqual([...CONFIG_VARIABLES].sort());
  });
});
