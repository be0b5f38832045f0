import type { LabelRateQuoteView } from '../api/labels.graphql';
import { rateAmount, rateDelivery, rateMarks, rateProblem } from '../lib/label-format';

interface RatesTableProps {
  quote: LabelRateQuoteView;
  selected: string | null;
  onSelect: (rateId: string) => void;
  timeZone: string;
}

/**
 * The carriers' rates as radio rows (arrow keys move between them): price, delivery, the rules' marks, and in
 * words why a rate misses ship-by or deliver-by. Rates the channel refuses are listed below, not offered.
 */
export function RatesTable({ quote, selected, onSelect, timeZone }: RatesTableProps) {
  return (
    <div className="label-rates">
      {quote.rates.length === 0 ? (
        <p className="notice" data-testid="label-no-rates">
          No carrier quoted a rate for this package.
        </p>
      ) : (
        <div className="table-scroll">
          <table className="grid compact" data-testid="label-rates">
            <caption>Rates</caption>
            <thead>
              <tr>
                <th aria-label="Choose" />
                <th>Service</th>
                <th className="num">Price</th>
                <th>Delivery</th>
                <th>Promise</th>
              </tr>
            </thead>
            <tbody>
              {quote.rates.map((rate) => {
                const problem = rateProblem(rate);
                const id = `rate-${rate.rateId}`;
                return (
                  <tr
                    key={rate.rateId}
                    className={selected === rate.rateId ? 'selected' : undefined}
                    data-testid="label-rate"
                    data-rate-id={rate.rateId}
                    data-carrier={rate.carrier}
                    data-cheapest={rate.cheapest}
                    data-fastest={rate.fastest}
                    data-on-time={problem === null}
                    onClick={() => onSelect(rate.rateId)}
                  >
                    <td>
                      <input
                        type="radio"
                        name="label-rate"
                        id={id}
                        checked={selected === rate.rateId}
                        onChange={() => onSelect(rate.rateId)}
                        data-testid="label-rate-choose"
                      />
                    </td>
                    <td>
                      <label htmlFor={id}>{rate.serviceName}</label>
                      {rate.serviceName.startsWith(rate.carrierName) ? null : (
                        <span className="muted"> · {rate.carrierName}</span>
                      )}
                    </td>
                    <td className="num" data-testid="label-rate-amount">
                      {rateAmount(rate)}
                    </td>
                    <td>{rateDelivery(rate, timeZone)}</td>
                    <td>
                      {rateMarks(rate).map((mark) => (
                        <span key={mark} className="badge label-mark" data-testid="label-rate-mark">
                          {mark}
                        </span>
                      ))}
                      {problem && (
                        <span className="badge badge-warn" data-testid="label-rate-problem">
                          {problem}
                        </span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {quote.removed.length > 0 && (
        <ul className="muted label-removed" data-testid="label-rates-removed">
          {quote.removed.map((removed) => (
            <li key={`${removed.carrierName}-${removed.serviceName}`}>
              Not offered: {removed.serviceName} — {removed.reason}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
