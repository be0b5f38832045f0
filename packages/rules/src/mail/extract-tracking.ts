import type { CarrierCode } from '@order-hub/types';
import { checkTrackingNumber, cleanTrackingNumber, detectCarriers } from '../tracking/check-tracking-number';
import { MAX_FORMAT_LENGTH } from '../tracking/compiled-formats';
import { orderNumberMatches } from './find-order-references';

/** A tracking number found in a message, the carriers whose format (check digit included) it fits, and its context. */
export interface FoundTracking {
  trackingNumber: string;
  carriers: CarrierCode[];
  /** Up to 80 characters of the text around it, for a person to judge. */
  context: string;
}

/** Carriers print long numbers in groups ("1Z 999 AA1 01 2345 6784", "9400 1000 0000 …"): no group is longer. */
const MAX_GROUP = 6;
const MAX_GROUPS = 12;
const GROUP_SEPARATOR = /[ \u00a0]/;
const TOKEN = /[A-Za-z0-9]+/g;

/** Words that say a number is a tracking number, and words that say it is something else. */
const TRACKING_WORDS =
  /\b(?:track(?:ing)?|awb|air ?waybill|waybill|shipment|shipped|label|ups|usps|fedex|dhl|ontrac|lasership)\b/gi;
/** A label right before a number that names it as something else: "Order #:", "PO", "Phone:", "ZIP code". */
const OTHER_LABEL =
  /(?:\b(?:order|po|purchase order|invoice|phone|tel|telephone|fax|call(?: us)?(?: at)?|mobile|cell|account|acct|sku|upc|item|zip(?: code)?|postal code|ref|reference|customer|case|ticket)\s*(?:#|no\.?|number|num|id)?\s*[:#.-]?|[$€£]|\b(?:usd|total|amount|price)\s*[:$]?)\s*$/i;
/** How far before a number (same paragraph) a tracking word may stand. */
const TRACKING_WORD_WINDOW = 200;
const AFTER_WINDOW = 40;
const PHONE = /^(?:\+?1[ .-]?)?\(?\d{3}\)?[ .-]?\d{3}[ .-]?\d{4}$/;

interface Token {
  text: string;
  index: number;
  end: number;
  digits: number;
  inOrderNumber: boolean;
}

function lastMatchEnd(re: RegExp, text: string): number {
  let last = -1;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) last = m.index + m[0].length;
  return last;
}

/** Whether the words before a number call it a tracking number, or label it as something else. */
function labelling(text: string, start: number, end: number): { tracking: boolean; other: boolean } {
  const before = text.slice(Math.max(0, start - TRACKING_WORD_WINDOW), start);
  const paragraph = before.slice(before.lastIndexOf('\n\n') + 1);
  const lineEnd = text.indexOf('\n', end);
  const after = text.slice(end, Math.min(lineEnd < 0 ? text.length : lineEnd, end + AFTER_WINDOW));
  const near = before.slice(-40);
  const label = OTHER_LABEL.exec(near);
  // "Tracking reference:", "Shipment ID": the other word belongs to a tracking label.
  const trackingLabel = label !== null && /\b(?:track(?:ing)?|shipment|awb)\s*$/i.test(near.slice(0, label.index));
  return {
    tracking: lastMatchEnd(TRACKING_WORDS, paragraph) >= 0 || lastMatchEnd(TRACKING_WORDS, after) >= 0,
    other: label !== null && !trackingLabel,
  };
}

/** The number a joined token run stands for when a carrier's format with its check digit accepts it. */
function acceptedNumber(
  joined: string,
): { normalized: string; carriers: CarrierCode[]; hasCheckDigit: boolean } | null {
  const cleaned = cleanTrackingNumber(joined);
  const carriers = detectCarriers(cleaned);
  if (carriers.length === 0) return null;
  const check = checkTrackingNumber(cleaned, carriers[0]);
  if (check.violations.some((v) => v.code === 'TRACKING_PLACEHOLDER')) return null;
  return { normalized: check.normalized, carriers, hasCheckDigit: check.hasCheckDigit };
}

function contextOf(text: string, start: number, end: number): string {
  const room = Math.max(0, Math.floor((80 - (end - start)) / 2));
  const around = text
    .slice(Math.max(0, start - room), end + room)
    .replace(/\s+/g, ' ')
    .trim();
  return around.length <= 80 ? around : around.slice(0, 80);
}

/**
 * Tracking numbers in a message's text, carrier-aware: a token, or a run of short groups separated by single spaces as
 * carriers print them, that a carrier's format accepts with its check digit (the same formats as the ship dialog),
 * placeholders dropped. Numbers of digits only, and layouts without a check digit, are taken when a tracking word (tracking, AWB, a carrier's name…) stands
 * before them in the paragraph or after them on the line; a number labelled as an order, PO, phone, ZIP or the like is
 * never taken, nor one with a channel's order-number shape, nor a phone layout. Deduplicated, in text order.
 */
export function findTrackingNumbers(text: string): FoundTracking[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    // Words run together ("the last 30 days") can fit a layout without a check digit: a real number is mostly digits.
    const digits = m[0].replace(/\D/g, '').length;
    tokens.push({ text: m[0], index: m.index, end: m.index + m[0].length, digits, inOrderNumber: false });
  }
  let k = 0;
  for (const span of orderNumberMatches(text)) {
    while (k < tokens.length && tokens[k].end <= span.index) k++;
    for (let t = k; t < tokens.length && tokens[t].index < span.end; t++) tokens[t].inOrderNumber = true;
  }
  const groupSeparated = (a: Token, b: Token) => b.index - a.end === 1 && GROUP_SEPARATOR.test(text[a.end]);

  const found: FoundTracking[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    // A run starts with digits, or with the two service letters of an S10 number ("EA 473 529 188 US").
    if (tokens[i].inOrderNumber || (tokens[i].digits === 0 && tokens[i].text.length !== 2)) continue;
    let best: { last: number; normalized: string; carriers: CarrierCode[]; hasCheckDigit: boolean } | null = null;
    let joined = tokens[i].text;
    let digits = tokens[i].digits;
    const single = digits * 2 >= joined.length ? acceptedNumber(joined) : null;
    if (single) best = { last: i, ...single };
    else if (joined.length <= MAX_GROUP) {
      for (let j = i + 1; j < tokens.length && j - i < MAX_GROUPS; j++) {
        const next = tokens[j];
        if (!groupSeparated(tokens[j - 1], next) || next.text.length > MAX_GROUP || next.inOrderNumber) break;
        joined += next.text;
        digits += next.digits;
        if (joined.length > MAX_FORMAT_LENGTH) break;
        const accepted = digits * 2 >= joined.length ? acceptedNumber(joined) : null;
        if (accepted) best = { last: j, ...accepted };
      }
    }
    if (!best) continue;
    const start = tokens[i].index;
    const end = tokens[best.last].end;
    const raw = text.slice(start, end);
    // Digits only, or a layout without a check digit: too easily something else unless a tracking word names it.
    const weak = /^\d+$/.test(best.normalized) || !best.hasCheckDigit;
    const labels = labelling(text, start, end);
    if (labels.other || (weak && (!labels.tracking || (PHONE.test(raw) && /\D/.test(raw))))) continue;
    i = best.last;
    if (seen.has(best.normalized)) continue;
    seen.add(best.normalized);
    found.push({ trackingNumber: best.normalized, carriers: best.carriers, context: contextOf(text, start, end) });
  }
  return found;
}
