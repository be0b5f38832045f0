import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { easypostExamples } from '@order-hub/contracts';
import { carrierStatus, locationText, toTrackerSnapshot, toWebhookEvent } from './easypost-tracker.mapper';

/** EasyPost's guide examples packages/contracts does not carry (the tracking and webhooks guides' events). */
const GUIDE_EXAMPLES_DIR = join(__dirname, '..', '..', '..', '..', '..', 'test', 'fixtures', 'easypost');

type Json = Record<string, any>;

/** EasyPost's own example responses: the API reference's and the client's (packages/contracts), and the guides'. */
function examples(): { file: string; body: Json }[] {
  const guides = readdirSync(GUIDE_EXAMPLES_DIR)
    .filter((f) => f.endsWith('.json'))
    .map((file) => ({ file, body: JSON.parse(readFileSync(join(GUIDE_EXAMPLES_DIR, file), 'utf8')) as Json }));
  const contracts = easypostExamples().map((e) => ({ file: `${e.name}.json`, body: e.body as Json }));
  return [...contracts, ...guides].sort((a, b) => a.file.localeCompare(b.file));
}

/** Every Tracker in the examples: a tracker response, a list's trackers, an Event's result. */
function trackerExamples(): [string, Json][] {
  const found: [string, Json][] = [];
  for (const { file, body } of examples()) {
    if (body.object === 'Tracker') found.push([file, body]);
    for (const [i, t] of ((body.trackers as Json[] | undefined) ?? []).entries()) found.push([`${file}#${i}`, t]);
    if (body.object === 'Event' && body.result?.object === 'Tracker') found.push([`${file}#result`, body.result]);
  }
  return found;
}

const eventExamples = () => examples().filter((e) => e.body.object === 'Event');

describe('EasyPost tracker mapper', () => {
  it('finds every tracker example (create, retrieve, list, and the webhook events of the guides)', () => {
    expect(trackerExamples().map(([name]) => name)).toEqual([
      'event-body.json#result',
      'trackers-create.json',
      'trackers-list.json#0',
      'trackers-retrieve.json',
      'tracking-guide-webhook.json#result',
      'tracking-webhook.json#result',
    ]);
  });

  describe.each(trackerExamples())('%s', (_name, raw) => {
    const snapshot = toTrackerSnapshot(raw);

    it('keeps the tracker identity, status vocabulary upper-cased and the public page', () => {
      expect(snapshot.providerTrackerId).toBe(raw.id);
      expect(snapshot.trackingCode).toBe(raw.tracking_code);
      expect(snapshot.carrier).toBe(raw.carrier);
      expect(snapshot.status).toBe(String(raw.status).toUpperCase());
      expect(snapshot.statusDetail).toBe(raw.status_detail ?? null);
      expect(snapshot.publicUrl).toBe(raw.public_url);
      expect(snapshot.updatedAt.toISOString()).toBe(new Date(raw.updated_at).toISOString());
      expect(snapshot.estDeliveryAt?.toISOString()).toBe(new Date(raw.est_delivery_date).toISOString());
    });

    it('maps every tracking detail in EasyPost order, with its location', () => {
      const details = raw.tracking_details as Json[];
      expect(snapshot.details).toHaveLength(details.length);
      snapshot.details.forEach((d, i) => {
        const r = details[i];
        expect(d.status).toBe(String(r.status).toUpperCase());
        expect(d.at.toISOString()).toBe(new Date(r.datetime).toISOString());
        expect(d.message).toBe(r.message);
        const l = r.tracking_location;
        if (!l.city && !l.state && !l.zip && !l.country) expect(d.location).toBeNull();
        else expect(d.location).toEqual({ city: l.city, state: l.state, zip: l.zip, country: l.country });
      });
    });

    it('takes origin, destination and first delivery attempt from carrier_detail', () => {
      const cd = raw.carrier_detail as Json | undefined;
      if (!cd) {
        expect([snapshot.origin, snapshot.destination, snapshot.initialDeliveryAttemptAt]).toEqual([null, null, null]);
        return;
      }
      const o = cd.origin_tracking_location;
      expect(snapshot.origin).toEqual({ city: o.city, state: o.state, zip: o.zip, country: o.country });
      expect(snapshot.destination).not.toBeNull();
      expect(snapshot.initialDeliveryAttemptAt).toBeNull();
    });
  });

  it('reads the one-line destinations of the examples', () => {
    const create = toTrackerSnapshot(examples().find((e) => e.file === 'trackers-create.json')!.body);
    expect(create.destination).toEqual({ city: 'CHARLESTON', state: 'SC', zip: '29401', country: null });
    const fedex = toWebhookEvent(examples().find((e) => e.file === 'event-body.json')!.body).tracker!;
    expect(fedex.destination).toEqual({ city: 'BROOKLYN HGTS', state: 'NY', zip: null, country: 'US' });
    expect(fedex.origin).toEqual({ city: 'ORLANDO', state: 'FL', zip: '32809', country: 'US' });
    expect(locationText('SAN FRANCISCO')).toBeNull();
    expect(locationText('Austin TX, 78701-1234 US')).toEqual({
      city: 'Austin',
      state: 'TX',
      zip: '78701-1234',
      country: 'US',
    });
  });

  it('keeps a delivery after the scans that led to it even when its datetime says otherwise (tracking guide)', () => {
    const guide = toWebhookEvent(examples().find((e) => e.file === 'tracking-guide-webhook.json')!.body).tracker!;
    expect(guide.details.map((d) => d.status)).toEqual([
      'PRE_TRANSIT',
      'IN_TRANSIT',
      'IN_TRANSIT',
      'IN_TRANSIT',
      'OUT_FOR_DELIVERY',
      'DELIVERED',
    ]);
    expect(guide.details[5].location).toEqual({ city: 'SAN FRANCISCO', state: 'CA', zip: null, country: 'US' });
  });

  it('reads the initial delivery attempt when the carrier reports one', () => {
    const raw = examples().find((e) => e.file === 'trackers-retrieve.json')!.body;
    const attempted = {
      ...raw,
      carrier_detail: { ...raw.carrier_detail, initial_delivery_attempt: '2025-04-30T06:14:30Z' },
    };
    expect(toTrackerSnapshot(attempted).initialDeliveryAttemptAt?.toISOString()).toBe('2025-04-30T06:14:30.000Z');
  });

  describe.each(eventExamples().map((e) => [e.file, e.body] as const))('event %s', (_file, body) => {
    it('keeps the event id and description, and the tracker only for a tracker event with one', () => {
      const event = toWebhookEvent(body);
      expect(event.id).toBe(body.id);
      expect(event.description).toBe(body.description);
      const hasTracker = String(body.description).startsWith('tracker.') && body.result?.object === 'Tracker';
      expect(event.tracker === null).toBe(!hasTracker);
    });
  });

  it('refuses payloads that are not a Tracker or an Event', () => {
    expect(() => toTrackerSnapshot({ object: 'Tracker' })).toThrow('without id or tracking_code');
    expect(() => toTrackerSnapshot('trk_1')).toThrow('not a JSON object');
    expect(() => toWebhookEvent({ id: 'evt_1', object: 'Tracker' })).toThrow('not an EasyPost Event');
  });

  it('maps statuses outside the vocabulary to UNKNOWN', () => {
    expect(carrierStatus('return_to_sender')).toBe('RETURN_TO_SENDER');
    expect(carrierStatus('lost_in_space')).toBe('UNKNOWN');
    expect(carrierStatus(null)).toBe('UNKNOWN');
  });
});
