import { CHANNELS, type Channel } from '@order-hub/types';
import { CHANNEL_PROFILES } from '../channels/channel-profile';

/** An order the caller might find named in a message: its key and every number it goes by. */
export interface OrderReferenceCandidate {
  /** Any id the caller uses (an order id, a purchase order id). */
  key: string;
  /** The channel order id, customer order id, purchase order number… */
  numbers: string[];
}

/** Where an order number sits in a text: the channel whose shape it has, and its offsets. */
export interface OrderNumberMatch {
  channel: Channel;
  number: string;
  index: number;
  end: number;
}

// A whole token: no letter or digit touches it, nor a hyphen that continues it ("113-…-…-9", "PO-1-2").
const BEFORE = '(?<![A-Za-z0-9])(?<![A-Za-z0-9]-)';
const AFTER = '(?![A-Za-z0-9])(?!-[A-Za-z0-9])';

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const SHAPES: readonly { channel: Channel; re: RegExp }[] = CHANNELS.flatMap((channel) => {
  const patterns = [...new Set(CHANNEL_PROFILES[channel].orderNumberShapes.map((s) => s.pattern))];
  return patterns.map((pattern) => ({ channel, re: new RegExp(`${BEFORE}(?:${pattern})${AFTER}`, 'g') }));
});

/** Every order number in `text` that has one of the channels' shapes, with its position, in text order. */
export function orderNumberMatches(text: string): OrderNumberMatch[] {
  const found: OrderNumberMatch[] = [];
  for (const { channel, re } of SHAPES) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      found.push({ channel, number: m[0], index: m.index, end: m.index + m[0].length });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

/**
 * The channel order numbers a message names (Amazon 3-7-7, Walmart 13-digit purchase order and customer order numbers,
 * shapes from the channel profile), deduplicated, in text order.
 */
export function orderNumbersIn(text: string): { channel: Channel; number: string }[] {
  const seen = new Set<string>();
  const out: { channel: Channel; number: string }[] = [];
  for (const m of orderNumberMatches(text)) {
    const key = `${m.channel}:${m.number}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ channel: m.channel, number: m.number });
  }
  return out;
}

/**
 * The keys of the candidates one of whose numbers appears in `text` as a whole token (case-insensitive), in the order
 * they first appear. "1796277083022" does not match inside "17962770830221", nor "PO-260101-1" inside "PO-260101-12".
 */
export function findOrderReferences(text: string, candidates: readonly OrderReferenceCandidate[]): string[] {
  const hits: { key: string; index: number }[] = [];
  for (const candidate of candidates) {
    let first = -1;
    for (const raw of candidate.numbers) {
      const number = raw?.trim();
      if (!number) continue;
      const m = new RegExp(`${BEFORE}${escapeRegExp(number)}${AFTER}`, 'i').exec(text);
      if (m && (first < 0 || m.index < first)) first = m.index;
    }
    if (first >= 0) hits.push({ key: candidate.key, index: first });
  }
  const seen = new Set<string>();
  return hits
    .sort((a, b) => a.index - b.index)
    .filter((h) => !seen.has(h.key) && seen.add(h.key))
    .map((h) => h.key);
}
