import { isExpeditedShipMethod, shipMethodLabel } from './ship-method';

describe('ship methods', () => {
  it.each([
    ['WALMART', 'Express', true, 'Express (two-day)'],
    ['WALMART', 'OneDay', true, 'One-day'],
    ['WALMART', 'Value', false, 'Value'],
    ['WALMART', 'Standard', false, 'Standard'],
    ['AMAZON', 'SECOND_DAY', true, 'Two-day'],
    ['AMAZON', 'SecondDay', true, 'Two-day'],
    ['AMAZON', 'NEXT_DAY', true, 'Next day'],
    ['AMAZON', 'FREE_ECONOMY', false, 'Free economy'],
    ['AMAZON', 'Standard', false, 'Standard'],
  ] as const)('%s %s: expedited %s, shown as %s', (channel, code, expedited, label) => {
    expect(isExpeditedShipMethod(channel, code)).toBe(expedited);
    expect(shipMethodLabel(channel, code)).toBe(label);
  });

  it('shows an unknown code as sent and never calls it expedited', () => {
    expect(shipMethodLabel('WALMART', 'Drone')).toBe('Drone');
    expect(isExpeditedShipMethod('WALMART', 'Drone')).toBe(false);
    expect(shipMethodLabel('AMAZON', null)).toBeNull();
    expect(isExpeditedShipMethod('AMAZON', null)).toBe(false);
  });
});
