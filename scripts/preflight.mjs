#!/usr/bin/env node
// Runs before `npm test` builds anything: the browser tests need Debian's chromium, the compose-file test
// docker-compose and the mailbox tests Dovecot's IMAP server (dovecot-imapd); without them the suite would fail deep
// inside a run, so say what to install instead.
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

// The mailbox tests start /usr/sbin/dovecot themselves (Debian's path; the system service is not needed).
const hasDovecot = () => {
  try {
    accessSync('/usr/sbin/dovecot', constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

const missing = [
  ...(hasChromium() ? [] : ['chromium']),
  ...(onPath('docker-compose') ? [] : ['docker-compose']),
  ...(hasDovecot() ? [] : ['dovecot-imapd']),
];
if (missing.length) {
  console.error(`npm test needs ${missing.join(' and ')}: apt-get install -y ${missing.join(' ')}`);
  process.exit(1);
}
