import { policyFor } from '../policy/policy-table';
import { acknowledgeBy, autoCancelAt, deadlinesFor } from './deadlines';

const walmart = policyFor('WALMART', 'US', new Date('2026-11-01T00:00:00Z'));
const amazon = policyFor('AMAZON', 'US', new Date('2026-11-01T00:00:00Z'));

describe('acknowledgeBy', () => {
  it('gives Walmart orders 4 hours', () => {
    expect(acknowledgeBy(new Date('2026-11-20T22:30:00Z'), walmart)?.toISOString()).toBe('2026-11-21T02:30:00.000Z');
  });
  it('is null for Amazon, which has no acknowledgement', () => {
    expect(acknowledgeBy(new Date('2026-11-20T22:30:00Z'), amazon)).toBeNull();
  });
});

describe('autoCancelAt', () => {
  it('adds calendar days on Walmart, weekends included', () => {
    expect(autoCancelAt(new Date('2026-11-20T18:00:00Z'), walmart)?.toISOString()).toBe('2026-11-24T18:00:00.000Z');
  });
  it.each([
    ['2026-11-16T18:00:00Z', '2026-11-25T18:00:00.000Z'], // Monday -> Wednesday of the next week
    ['2026-11-20T18:00:00Z', '2026-12-01T18:00:00.000Z'], // Friday -> Tuesday, two weekends skipped
    ['2026-11-21T18:00:00Z', '2026-12-01T18:00:00.000Z'], // Saturday counts from the Monday after
  ])('adds business days on Amazon: %s -> %s', (shipBy, expected) => {
    expect(autoCancelAt(new Date(shipBy), amazon)?.toISOString()).toBe(expected);
  });
  it('is null without a ship-by', () => {
    expect(autoCancelAt(null, walmart)).toBeNull();
  });
});

describe('deadlinesFor', () => {
  const orderedAt = new Date('2026-11-20T10:00:00Z');
  const shipBy = new Date('2026-11-22T18:00:00Z');
  const now = new Date('2026-11-20T12:00:00Z');

  it('gives an open Walmart order its acknowledge-by, ship-by and auto-cancel, with time left', () => {
    const d = deadlinesFor({ orderedAt, shipBy }, walmart, now);
    expect(d.acknowledgeBy).toEqual({ at: new Date('2026-11-20T14:00:00Z'), msLeft: 2 * 3_600_000, overdue: false });
    expect(d.shipBy).toEqual({ at: shipBy, msLeft: shipBy.getTime() - now.getTime(), overdue: false });
    expect(d.autoCancelAt?.at.toISOString()).toBe('2026-11-26T18:00:00.000Z');
    expect(d.trackingEditableUntil).toBeNull();
    expect(d.lateOriginScanAt).toBeNull();
  });

  it('marks missed deadlines overdue with negative time left', () => {
    const d = deadlinesFor({ orderedAt, shipBy }, walmart, new Date('2026-11-23T18:00:00Z'));
    expect(d.acknowledgeBy?.overdue).toBe(true);
    expect(d.shipBy).toEqual({ at: shipBy, msLeft: -24 * 3_600_000, overdue: true });
    expect(d.autoCancelAt?.overdue).toBe(false);
  });

  it('drops acknowledge-by once acknowledged', () => {
    expect(deadlinesFor({ orderedAt, shipBy, acknowledgedAt: now }, walmart, now).acknowledgeBy).toBeNull();
  });

  it('after ship confirmation, watches the tracking edit window and the first carrier scan instead', () => {
    const shipConfirmedAt = new Date('2026-11-21T09:00:00Z');
    const d = deadlinesFor(
      { orderedAt, shipBy, acknowledgedAt: now, shipConfirmedAt },
      walmart,
      new Date('2026-11-21T12:00:00Z'),
    );
    expect(d.shipBy).toBeNull();
    expect(d.autoCancelAt).toBeNull();
    expect(d.trackingEditableUntil).toEqual({
      at: new Date('2026-11-21T13:00:00Z'),
      msLeft: 3_600_000,
      overdue: false,
    });
    // Confirmed on a Saturday: Monday and Tuesday are its two business days.
    expect(d.lateOriginScanAt?.at.toISOString()).toBe('2026-11-24T09:00:00.000Z');
    const scanned = deadlinesFor(
      { orderedAt, shipBy, shipConfirmedAt, firstCarrierScanAt: shipConfirmedAt },
      walmart,
      now,
    );
    expect(scanned.lateOriginScanAt).toBeNull();
  });

  it("has no acknowledgement or tracking edit window on Amazon, and the hub's late-origin-scan window", () => {
    const d = deadlinesFor({ orderedAt, shipBy }, amazon, now);
    expect(d.acknowledgeBy).toBeNull();
    expect(d.autoCancelAt?.at.toISOString()).toBe('2026-12-01T18:00:00.000Z');
    const shipped = deadlinesFor({ orderedAt, shipBy, shipConfirmedAt: now }, amazon, now);
    expect(shipped).toEqual({
      acknowledgeBy: null,
      shipBy: null,
      autoCancelAt: null,
      trackingEditableUntil: null,
      // Confirmed on a Friday: due the Tuesday after.
      lateOriginScanAt: { at: new Date('2026-11-24T12:00:00Z'), msLeft: 4 * 86_400_000, overdue: false },
    });
  });
});
