import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

const WEB_DIR = resolve(__dirname, '../..');
/** The built api and console the browser tests drive (`npm run build` at the repository root). */
export const API_MAIN = resolve(WEB_DIR, '../api/dist/src/main.js');
export const WEB_DIST = join(WEB_DIR, 'dist');
export const SCREENSHOTS = join(WEB_DIR, 'test-output');

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Fails early, saying what to run, when the build the tests drive is missing; makes the screenshots folder. */
export function requireBuild(): void {
  for (const file of [API_MAIN, join(WEB_DIST, 'index.html')]) {
    if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` at the repository root first`);
  }
  mkdirSync(SCREENSHOTS, { recursive: true });
}

/** Debian's chromium, headless (see STACK.md). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}
