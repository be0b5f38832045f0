/**
 * checkTrackingNumber calls per second on a mixed set of carriers (valid, mistyped, mismatched, spaced),
 * one process on one core, side by side with ts-tracking-number on the same inputs. Prints the figures and
 * writes them to docs/benchmarks.md.
 */
import { availableParallelism } from 'node:os';
import type { CarrierCode } from '@order-hub/types';
import { amazon, dhl, fedex, getTracking, ontrac, s10, ups, usps, type TrackingCourier } from 'ts-tracking-number';
import { version as theirVersion } from 'ts-tracking-number/package.json';
import { checkTrackingNumber } from '../src/tracking/check-tracking-number';
import { writeBenchmarkSection } from './benchmarks-doc';

const INPUTS: [string, CarrierCode][] = [
  ['1Z999AA10123456784', 'UPS'],
  ['1ZV4W5880T2K319429', 'UPS'],
  ['1z999aa1 0123456784', 'UPS'],
  ['1Z999AA10123456785', 'UPS'],
  ['986578788855', 'FEDEX'],
  ['798412530617', 'FEDEX'],
  ['612930817405288', 'FEDEX'],
  ['9612019720394816523073', 'FEDEX'],
  ['986578788856', 'FEDEX'],
  ['1Z999AA10123456784', 'FEDEX'],
  ['9400111202555842332669', 'USPS'],
  ['9400 1118 9922 3857 1049 38', 'USPS'],
  ['420902109400111899223857104938', 'USPS'],
  ['EA473529188US', 'USPS'],
  ['9400111202555842332660', 'USPS'],
  ['9261290100123456789032', 'FEDEX_SMARTPOST'],
  ['3592740185', 'DHL'],
  ['GM2951173225174494', 'DHL_ECOMMERCE'],
  ['C49731058264195', 'ONTRAC'],
  ['LX29384756', 'LASERSHIP'],
  ['TBA304958172634', 'AMAZON_LOGISTICS'],
  ['TBA304958172634', 'USPS'],
  ['000000000000', 'FEDEX'],
  ['12345', 'USPS'],
];

/** ts-tracking-number's courier for the carrier named, so it validates against that carrier as we do. */
const COURIER: Partial<Record<CarrierCode, TrackingCourier[]>> = {
  UPS: [ups],
  FEDEX: [fedex],
  USPS: [usps, s10],
  DHL: [dhl],
  ONTRAC: [ontrac],
  AMAZON_LOGISTICS: [amazon],
};

/** Calls per second of `fn` over the inputs: the median of five timed rounds after a warm-up. */
function callsPerSecond(fn: (n: string, c: CarrierCode) => boolean, roundMs: number): number {
  let sink = 0;
  const round = (ms: number) => {
    const end = performance.now() + ms;
    let calls = 0;
    while (performance.now() < end) {
      for (let i = 0; i < INPUTS.length; i++) if (fn(INPUTS[i][0], INPUTS[i][1])) sink++;
      calls += INPUTS.length;
    }
    return calls / (ms / 1000);
  };
  round(roundMs);
  const rates = Array.from({ length: 5 }, () => round(roundMs)).sort((a, b) => a - b);
  if (sink < 0) throw new Error('unreachable');
  return rates[2];
}

const ours = (n: string, c: CarrierCode) => checkTrackingNumber(n, c).valid;
const theirs = (n: string, c: CarrierCode) => getTracking(n, COURIER[c]) !== undefined;

const roundMs = Number(process.env.BENCH_ROUND_MS ?? 1000);
const oursRate = callsPerSecond(ours, roundMs);
const theirsRate = callsPerSecond(theirs, roundMs);
const ratio = oursRate / theirsRate;
const disagreements = INPUTS.filter(([n, c]) => ours(n, c) !== theirs(n, c));

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const day = new Date().toISOString().slice(0, 10);
const body = `
${INPUTS.length} inputs over 9 carriers (valid, wrong check digit, wrong carrier, spaced and lower-case,
placeholders), each validated against the carrier named. One Node process (single-threaded), five timed
rounds of ${roundMs} ms after a warm-up, median shown. ts-tracking-number ${theirVersion} gets the same inputs,
with its courier filter set to the named carrier where it has one.
Measured on ${day}, ${availableParallelism()} cores, Node ${process.version}.

| implementation | calls/s | vs ts-tracking-number |
|---|---|---|
| @order-hub/rules checkTrackingNumber | ${fmt(oursRate)} | ${ratio.toFixed(1)}× |
| ts-tracking-number getTracking | ${fmt(theirsRate)} | 1.0× |

Targets: ≥ 1,000,000 calls/s (${oursRate >= 1_000_000 ? 'met' : 'NOT met'}) and ≥ 10× ts-tracking-number (${ratio >= 10 ? 'met' : 'NOT met'}).
The two disagree on ${disagreements.length} of ${INPUTS.length} inputs: ${disagreements.map(([n, c]) => `\`${n}\` (${c})`).join(', ') || 'none'}.
`;

console.log(body.trim());
console.log(`\nWrote ${writeBenchmarkSection('packages/rules — checkTrackingNumber', body)}`);
