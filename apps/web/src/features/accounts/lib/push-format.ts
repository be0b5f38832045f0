import { formatRelative } from '@/lib/format';
import type { PushStatusView } from '../api/push.graphql';

/** "60 s", "3 min", "15 min", "2 h": a polling interval the way people say it. */
export function formatInterval(seconds: number): string {
  if (seconds < 120 || seconds % 60 !== 0) return `${seconds} s`;
  const minutes = seconds / 60;
  if (minutes < 120 || minutes % 60 !== 0) return `${minutes} min`;
  return `${minutes / 60} h`;
}

/** "Polling every 10 min to reconcile" while pushes bring the orders, else "Polling every 60 s". */
export function pollModeText(push: Pick<PushStatusView, 'pollMode' | 'pollIntervalSeconds'>): string {
  const every = `Polling every ${formatInterval(push.pollIntervalSeconds)}`;
  return push.pollMode === 'RECONCILE' ? `${every} to reconcile` : every;
}

/** The tone of the push line: amber when orders came by polling that a push should have brought. */
export function pushTone(push: PushStatusView): 'ok' | 'warn' | 'bad' | 'off' {
  if (push.state === 'FAILED') return 'bad';
  if (push.state === 'OFF') return 'off';
  return push.missedToday > 0 || push.deadLetters > 0 ? 'warn' : 'ok';
}

/**
 * The account's pushes in one line, in parts joined by " · ":
 * "Pushes on · last event 2 min ago · 143 today · 0 missed", "Pushes off — polling every 60 s",
 * "Pushes unavailable — polling every 60 s" or "Pushes failed: <the channel's words>".
 */
export function pushHeadlineParts(push: PushStatusView, now: number): string[] {
  switch (push.state) {
    case 'ACTIVE': {
      const last = push.lastEventAt ? `last event ${formatRelative(push.lastEventAt, now)}` : 'no event yet';
      return ['Pushes on', last, `${push.eventsToday} today`, `${push.missedToday} missed`];
    }
    case 'FAILED':
      return [push.lastError ? `Pushes failed: ${push.lastError}` : 'Pushes failed'];
    case 'OFF': {
      const polling = `polling every ${formatInterval(push.pollIntervalSeconds)}`;
      return [push.available ? `Pushes off — ${polling}` : `Pushes unavailable — ${polling}`];
    }
  }
}

export function pushHeadline(push: PushStatusView, now: number): string {
  return pushHeadlineParts(push, now).join(' · ');
}

/** How the channel delivers, for the panel. */
export function transportText(push: Pick<PushStatusView, 'transport'>): string {
  return push.transport === 'WEBHOOK'
    ? 'The channel posts each event to the hub (webhook).'
    : 'The channel queues each event; the hub reads the queue (Amazon SQS).';
}

export type PushAction = 'subscribe' | 'test' | 'unsubscribe';

/** Which buttons an ADMIN gets: turning on (again, after a failure) and, once on, a test event and turning off. */
export function pushActions(push: PushStatusView): PushAction[] {
  switch (push.state) {
    case 'OFF':
      return ['subscribe'];
    case 'FAILED':
      return ['subscribe', 'unsubscribe'];
    case 'ACTIVE':
      return ['test', 'unsubscribe'];
  }
}
