import { quietUntil } from './quiet-hours';
import { zonedDate, zonedInstant } from './zoned-time';

describe('quiet hours', () => {
  const chicago = (iso: string) => zonedInstant(parseLocal(iso), 'America/Chicago');
  function parseLocal(iso: string) {
    const [d, t] = iso.split('T');
    const [year, month, day] = d.split('-').map(Number);
    const [hour, minute] = t.split(':').map(Number);
    return { year, month, day, hour, minute };
  }

  it('defers inside a window that runs past midnight, to its end the next morning', () => {
    const q = { from: '22:00', to: '07:00', timeZone: 'America/Chicago' };
    expect(quietUntil(chicago('2026-03-03T23:30'), q)).toEqual(chicago('2026-03-04T07:00'));
    expect(quietUntil(chicago('2026-03-04T02:15'), q)).toEqual(chicago('2026-03-04T07:00'));
    expect(quietUntil(chicago('2026-03-04T07:00'), q)).toBeNull();
    expect(quietUntil(chicago('2026-03-04T21:59'), q)).toBeNull();
  });

  it('defers inside a daytime window to its end the same day', () => {
    const q = { from: '12:00', to: '13:30', timeZone: 'America/Chicago' };
    expect(quietUntil(chicago('2026-03-04T12:00'), q)).toEqual(chicago('2026-03-04T13:30'));
    expect(quietUntil(chicago('2026-03-04T11:59'), q)).toBeNull();
  });

  it('ends at the local hour across a daylight-saving change', () => {
    // 8 March 2026: Chicago springs forward at 02:00; 07:00 that morning is 12:00 UTC, not 13:00.
    const q = { from: '22:00', to: '07:00', timeZone: 'America/Chicago' };
    const end = quietUntil(new Date('2026-03-08T05:00:00Z'), q);
    expect(end?.toISOString()).toBe('2026-03-08T12:00:00.000Z');
  });

  it('reads the calendar day in the zone', () => {
    expect(zonedDate(new Date('2026-03-04T03:00:00Z'), 'America/Chicago')).toBe('2026-03-03');
    expect(zonedDate(new Date('2026-03-04T03:00:00Z'), 'UTC')).toBe('2026-03-04');
  });
});
