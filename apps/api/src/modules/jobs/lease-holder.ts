import { readFileSync, readlinkSync } from 'node:fs';
import { hostname } from 'node:os';

const STARTED_AT = new Date(Date.now() - Math.round(process.uptime() * 1000)).toISOString();
let contexts = 0;

/** The kernel boot and the pid namespace this process runs in: pids are comparable only within one of these. */
function pidScope(): string {
  try {
    const boot = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    return `${boot}/${readlinkSync('/proc/self/ns/pid')}`;
  } catch {
    // No /proc (not Linux): no other process's pid can be checked, and the heartbeat alone decides.
    return '';
  }
}

/**
 * The holder of a sync lease: `host:pid:process start time` (a second application context in the same process, as
 * tests start, gets `#n`), and the pid space it runs in. A process can tell for certain that a holder in its own pid
 * space has stopped (its pid is gone, or is this process's own pid from an earlier start); any other holder is
 * judged by its heartbeat alone.
 */
export class LeaseHolder {
  readonly id: string;
  readonly scope = pidScope();
  private readonly processPrefix = `${hostname().slice(0, 100)}:${process.pid}:${STARTED_AT}`;

  constructor() {
    contexts += 1;
    this.id = contexts === 1 ? this.processPrefix : `${this.processPrefix}#${contexts}`;
  }

  /** True only when the holder certainly runs no more; false when it runs or cannot be checked from here. */
  isStopped(holder: string | null, scope: string | null): boolean {
    if (!holder) return true;
    if (holder === this.id) return false;
    if (!this.scope || scope !== this.scope) return false;
    // Another context of this very process is alive as long as this one is.
    if (holder.startsWith(`${this.processPrefix}#`) || holder === this.processPrefix) return false;
    const pid = Number(holder.split(':')[1]);
    if (!Number.isInteger(pid) || pid <= 0) return false;
    // This pid with another start time: an earlier run of a process that now has this pid (a restarted container).
    if (pid === process.pid) return true;
    try {
      process.kill(pid, 0);
      return false;
    } catch (err) {
      return (err as NodeJS.ErrnoException).code === 'ESRCH';
    }
  }
}
