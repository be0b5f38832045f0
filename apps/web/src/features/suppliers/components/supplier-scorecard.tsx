import type { SupplierScorecardView } from '../api/supplier-views';

/** The supplier's last 30 days: tracking on time, late or missed, numbers refused, late first scans; and the sentence. */
export function SupplierScorecard({ scorecard }: { scorecard: SupplierScorecardView }) {
  const rate = scorecard.onTimeRate == null ? null : Math.round(scorecard.onTimeRate * 100);
  const tiles: { key: string; label: string; value: string; bad: boolean }[] = [
    { key: 'purchaseOrders', label: 'Purchase orders', value: String(scorecard.purchaseOrders), bad: false },
    {
      key: 'onTime',
      label: 'Tracking on time',
      value: rate === null ? 'none due yet' : `${scorecard.onTime} (${rate}%)`,
      bad: false,
    },
    { key: 'late', label: 'Tracking late', value: String(scorecard.late), bad: scorecard.late > 0 },
    { key: 'missed', label: 'Tracking missed', value: String(scorecard.missed), bad: scorecard.missed > 0 },
    { key: 'waiting', label: 'Not due yet', value: String(scorecard.waiting), bad: false },
    {
      key: 'rejectedNumbers',
      label: 'Numbers held or refused',
      value: String(scorecard.rejectedNumbers),
      bad: scorecard.rejectedNumbers > 0,
    },
    {
      key: 'lateFirstScans',
      label: 'First carrier scan late',
      value: `${scorecard.lateFirstScans} of ${scorecard.shipments}`,
      bad: scorecard.lateFirstScans > 0,
    },
    {
      key: 'neverScanned',
      label: 'Never scanned',
      value: String(scorecard.neverScanned),
      bad: scorecard.neverScanned > 0,
    },
  ];
  return (
    <section className="panel" data-testid="supplier-scorecard" aria-labelledby="scorecard-title">
      <h2 id="scorecard-title">Last {scorecard.days} days</h2>
      <p data-testid="supplier-scorecard-sentence">{scorecard.sentence}</p>
      <dl className="scorecard-tiles">
        {tiles.map((tile) => (
          <div
            key={tile.key}
            className={tile.bad ? 'scorecard-tile bad' : 'scorecard-tile'}
            data-testid={`scorecard-${tile.key}`}
          >
            <dt>{tile.label}</dt>
            <dd>{tile.value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
