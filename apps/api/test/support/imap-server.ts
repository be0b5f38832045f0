import { type ChildProcess, spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
  chownSync,
  chmodSync,
  utimesSync,
} from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { ImapFlow } from 'imapflow';

const DOVECOT = '/usr/sbin/dovecot';

/** A real Dovecot IMAP server on 127.0.0.1 for one test file: plaintext login, a Maildir with INBOX, Junk and Sent. */
export interface ImapServer {
  host: string;
  port: number;
  user: string;
  password: string;
  /** Puts a raw RFC 822 message into a folder (INBOX, Junk, Sent), as delivery would; `date` is its arrival time. */
  append(folder: string, raw: string, date?: Date): Promise<void>;
  /** The flags of every message of a folder, by UID. */
  flags(folder: string): Promise<Map<number, string[]>>;
  /**
   * Changes the user's password on the server. Dovecot looks at the passwd-file at most once a second, so this
   * resolves a little over a second later, when the next login is sure to be checked against the new one.
   */
  setPassword(password: string): Promise<void>;
  /** Dovecot's log so far (for a failing test's message). */
  log(): string;
  /** Stops the server (a mailbox that disappears) and removes its files. */
  close(): Promise<void>;
}

/** A free TCP port on 127.0.0.1. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** Resolves once the server greets on the port. */
async function waitForGreeting(port: number, child: ChildProcess, logPath: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(
        `Dovecot exited (${child.exitCode}): ${existsSync(logPath) ? readFileSync(logPath, 'utf8') : ''}`,
      );
    const ok = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('data', (d) => {
        socket.destroy();
        resolve(d.toString().startsWith('* OK'));
      });
      socket.once('error', () => resolve(false));
      socket.setTimeout(1000, () => {
        socket.destroy();
        resolve(false);
      });
    });
    if (ok) return;
    if (Date.now() > deadline)
      throw new Error(`Dovecot did not listen on ${port}: ${existsSync(logPath) ? readFileSync(logPath, 'utf8') : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** uid and gid of a system user from /etc/passwd, or null. */
function systemUser(name: string): { uid: number; gid: number } | null {
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${name}:`));
  if (!line) return null;
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

/**
 * Starts Dovecot (Debian's dovecot-imapd) from a generated configuration in a temporary folder: its sockets, state
 * and log there, a passwd-file with one user, a static userdb whose home (and Maildir) is in the folder, INBOX with
 * Junk and Sent (special-use \Junk and \Sent) created at login, plaintext login without TLS on a free port.
 * As root, Dovecot's own system users run its services and own the mail; otherwise everything runs as the caller.
 */
export async function startImapServer(options: { user?: string; password?: string } = {}): Promise<ImapServer> {
  if (!existsSync(DOVECOT))
    throw new Error(`${DOVECOT} is missing: install dovecot-imapd (apt-get install dovecot-imapd; .ci/run does it)`);
  const user = options.user ?? 'seller@example.test';
  let password = options.password ?? 'mail-pass-1';
  const dir = mkdtempSync(join(tmpdir(), 'ohimap-'));
  const port = await freePort();
  const me = userInfo();
  const root = me.uid === 0;
  const mailOwner = root ? systemUser('dovecot') : { uid: me.uid, gid: me.gid };
  if (!mailOwner) throw new Error('The dovecot system user is missing: reinstall dovecot-imapd');
  const internalUser = root ? 'dovecot' : me.username;
  const loginUser = root ? (systemUser('dovenull') ? 'dovenull' : 'dovecot') : me.username;
  // Dovecot's auth process (its own user, as root) reads the passwd-file inside.
  chmodSync(dir, 0o711);
  const home = join(dir, 'home');
  mkdirSync(home);
  if (root) chownSync(home, mailOwner.uid, mailOwner.gid);
  const passwdFile = join(dir, 'passwd');
  let version = 0;
  // Dovecot reads the file again when its mtime changes: each write moves it a second on, so a quick change counts.
  const writePasswd = () => {
    writeFileSync(passwdFile, `${user}:{PLAIN}${password}\n`, { mode: 0o644 });
    const at = new Date(Date.now() + (version += 1) * 1000);
    utimesSync(passwdFile, at, at);
  };
  writePasswd();
  const logPath = join(dir, 'dovecot.log');
  const config = `
base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${logPath}
instance_name = ohimap-${port}
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
auth_failure_delay = 0
default_internal_user = ${internalUser}
default_internal_group = ${root ? 'dovecot' : (systemGroupName(me.gid) ?? internalUser)}
default_login_user = ${loginUser}
first_valid_uid = ${Math.min(mailOwner.uid, 1)}
first_valid_gid = 0
mail_location = maildir:~/Maildir
passdb {
  driver = passwd-file
  args = ${passwdFile}
}
userdb {
  driver = static
  args = uid=${mailOwner.uid} gid=${mailOwner.gid} home=${home}/%n
}
namespace inbox {
  inbox = yes
  separator = /
  mailbox Junk {
    special_use = \\Junk
    auto = create
  }
  mailbox Sent {
    special_use = \\Sent
    auto = create
  }
}
service imap-login {
  chroot =
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
service pop3-login {
  chroot =
}
service submission-login {
  chroot =
}
service anvil {
  chroot =
}
service stats {
  inet_listener http {
    port = 0
  }
}
`;
  const configPath = join(dir, 'dovecot.conf');
  writeFileSync(configPath, config);
  const child = spawn(DOVECOT, ['-F', '-c', configPath], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  try {
    await waitForGreeting(port, child, logPath);
  } catch (err) {
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`${(err as Error).message}\n${output}`);
  }

  const client = async <T>(fn: (c: ImapFlow) => Promise<T>): Promise<T> => {
    const c = new ImapFlow({
      host: '127.0.0.1',
      port,
      secure: false,
      auth: { user, pass: password },
      logger: false,
      disableAutoIdle: true,
    });
    await c.connect();
    try {
      return await fn(c);
    } finally {
      await c.logout().catch(() => undefined);
    }
  };

  let closed = false;
  return {
    host: '127.0.0.1',
    port,
    user,
    get password() {
      return password;
    },
    async append(folder, raw, date) {
      await client(async (c) => {
        await c.append(folder, raw, [], date);
      });
    },
    async flags(folder) {
      return client(async (c) => {
        const out = new Map<number, string[]>();
        const lock = await c.getMailboxLock(folder, { readOnly: true });
        try {
          for await (const m of c.fetch('1:*', { uid: true, flags: true }, { uid: false }))
            out.set(m.uid, [...(m.flags ?? [])]);
        } finally {
          lock.release();
        }
        return out;
      });
    },
    log() {
      return existsSync(logPath) ? readFileSync(logPath, 'utf8') : '';
    },
    async setPassword(next) {
      password = next;
      writePasswd();
      await new Promise((r) => setTimeout(r, 1100));
    },
    async close() {
      if (closed) return;
      closed = true;
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([exited, new Promise((r) => (timer = setTimeout(r, 5000)))]);
        clearTimeout(timer);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function systemGroupName(gid: number): string | null {
  const line = readFileSync('/etc/group', 'utf8')
    .split('\n')
    .find((l) => l.split(':')[2] === String(gid));
  return line ? line.split(':')[0] : null;
}
