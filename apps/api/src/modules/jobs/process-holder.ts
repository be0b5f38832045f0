import { hostname } from 'node:os';

const STARTED_AT = new Date(Date.now() - Math.round(process.uptime() * 1000)).toISOString();
let instances = 0;

/**
 * Names this process as the holder of a lease: host, process id and start time, so a restarted process (even one
 * given the same pid, as in a container) is a different holder. A second application context in the same process
 * (tests start several) gets a suffix of its own.
 */
export function processHolder(): string {
  instances += 1;
  const base = `${hostname().slice(0, 100)}:${process.pid}:${STARTED_AT}`;
  return instances === 1 ? base : `${base}#${instances}`;
}
