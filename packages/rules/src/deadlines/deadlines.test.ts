import { policyFor } from '../policy/policy-table';
import { acknowledgeBy, autoCancelAt } from './deadlines';

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
