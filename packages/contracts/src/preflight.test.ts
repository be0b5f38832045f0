import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const SCRIPT = path.resolve(__dirname, '../../../scripts/preflight.mjs');

/** Runs the real preflight with only `bin` on PATH and chromium looked for at `chromium`. */
function preflight(bin: string, chromium: string) {
  return spawnSync(process.execPath, [SCRIPT], { env: { PATH: bin, CHROMIUM_BIN: chromium }, encoding: 'utf8' });
}

describe('npm test preflight', () => {
  let bin: string;
  beforeAll(() => {
    bin = mkdtempSync(path.join(tmpdir(), 'preflight-'));
  });
  afterAll(() => rmSync(bin, { recursive: true, force: true }));

  const tool = (name: string) => {
    writeFileSync(path.join(bin, name), '#!/bin/sh\nexit 0\n');
    chmodSync(path.join(bin, name), 0o755);
  };

  it('stops with one line naming both packages when neither chromium nor docker-compose is there', () => {
    const run = preflight(bin, path.join(bin, 'no-chromium'));
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('npm test needs chromium and docker-compose: apt-get install -y chromium docker-compose\n');
  });

  it('names only what is missing', () => {
    tool('docker-compose');
    const run = preflight(bin, path.join(bin, 'no-chromium'));
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('npm test needs chromium: apt-get install -y chromium\n');
    rmSync(path.join(bin, 'docker-compose'));
    tool('chromium');
    const onPath = preflight(bin, path.join(bin, 'no-such-file'));
    expect(onPath.stderr).toBe('npm test needs docker-compose: apt-get install -y docker-compose\n');
  });

  it('passes silently when both are there (chromium found on PATH or at its Debian path)', () => {
    tool('docker-compose');
    expect(preflight(bin, path.join(bin, 'no-such-file'))).toMatchObject({ status: 0, stdout: '', stderr: '' });
    rmSync(path.join(bin, 'chromium'));
    tool('chromium-at-debian-path');
    expect(preflight(bin, path.join(bin, 'chromium-at-debian-path'))).toMatchObject({ status: 0, stderr: '' });
  });
});
