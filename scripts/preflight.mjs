#!/usr/bin/env node
// Runs before `npm test` builds anything: the browser tests need Debian's chromium and the compose-file test
// needs docker-compose; without them the suite would fail deep inside a run, so say what to install instead.
// CHROMIUM_BIN names another place than /usr/bin/chromium to look (the browser tests launch /usr/bin/chromium).
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

const onPath = (name) =>
  (process.env.PATH ?? '')
    .split(delimiter)
    .filter(Boolean)
    .some((dir) => {
      try {
        accessSync(join(dir, name), constants.X_OK);
        return true;
      } catch {
        return false;
      }
    });

const hasChromium = () => {
  try {
    accessSync(process.env.CHROMIUM_BIN ?? '/usr/bin/chromium', constants.X_OK);
    return true;
  } catch {
    return onPath('chromium');
  }
};

const missing = [...(hasChromium() ? [] : ['chromium']), ...(onPath('docker-compose') ? [] : ['docker-compose'])];
if (missing.length) {
  console.error(`npm test needs ${missing.join(' and ')}: apt-get install -y ${missing.join(' ')}`);
  process.exit(1);
}
