import { compareMetricSeverity, countByStatus, pointsBeyondThreshold, sortMetricsBySeverity } from './metric-severity';

const m = (
  name: string,
  status: 'OK' | 'AT_RISK' | 'FAILING' | 'NOT_APPLICABLE',
  value: number | null,
  threshold: number | null,
  comparator: 'AT_LEAST' | 'ABOVE' | 'AT_MOST' | 'BELOW' | null,
) => ({
  name,
  status,
  value,
  threshold,
  comparator,
});

describe('metric severity', () => {
  it('measures how far past the threshold a metric stands, whichever way it is held', () => {
    expect(pointsBeyondThreshold(m('late', 'FAILING', 6, 4, 'BELOW'))).toBe(2);
    expect(pointsBeyondThreshold(m('vtr', 'FAILING', 90, 95, 'AT_LEAST'))).toBe(5);
    expect(pointsBeyondThreshold(m('vtr', 'OK', 99, 95, 'AT_LEAST'))).toBe(-4);
    expect(pointsBeyondThreshold(m('refund', 'NOT_APPLICABLE', 3, null, null))).toBeNull();
  });

  it('puts failing metrics first, the furthest beyond its threshold first, then at risk by least headroom', () => {
    const report = [
      m('vtr', 'OK', 99, 95, 'AT_LEAST'),
      m('late10', 'FAILING', 5, 4, 'BELOW'),
      m('cancel', 'AT_RISK', 2, 2.5, 'BELOW'),
      m('refund', 'NOT_APPLICABLE', null, null, null),
      m('otd', 'FAILING', 80, 90, 'ABOVE'),
      m('late30', 'AT_RISK', 3.8, 4, 'BELOW'),
      m('ack', 'OK', 96, 95, 'AT_LEAST'),
    ];
    expect(sortMetricsBySeverity(report).map((x) => x.name)).toEqual([
      'otd',
      'late10',
      'late30',
      'cancel',
      'ack',
      'vtr',
      'refund',
    ]);
    // The input keeps its definition order.
    expect(report[0].name).toBe('vtr');
  });

  it('keeps report order between metrics alike', () => {
    const a = m('a', 'NOT_APPLICABLE', null, 95, 'AT_LEAST');
    const b = m('b', 'NOT_APPLICABLE', null, 4, 'BELOW');
    expect(compareMetricSeverity(a, b)).toBe(0);
    expect(sortMetricsBySeverity([a, b]).map((x) => x.name)).toEqual(['a', 'b']);
  });

  it('counts metrics by status', () => {
    expect(
      countByStatus([
        { status: 'FAILING' },
        { status: 'FAILING' },
        { status: 'AT_RISK' },
        { status: 'OK' },
        { status: 'NOT_APPLICABLE' },
      ]),
    ).toEqual({ failing: 2, atRisk: 1, ok: 1, notApplicable: 1 });
  });
});
