import { useEffect, useState } from 'react';
import type { FulfillmentMethod } from '@/gql/graphql';
import { activeFilterCount, NO_FILTERS, type InboxFilters } from '../lib/inbox-filters';
import { fulfilmentLabel } from '../lib/order-words';

interface FiltersBarProps {
  value: InboxFilters;
  onChange: (filters: InboxFilters) => void;
}

const FULFILMENT_CHOICES: FulfillmentMethod[] = ['MERCHANT', 'MCF'];
const FLAGS = [
  { key: 'buyerRequestedCancel', label: 'Buyer asked to cancel' },
  { key: 'channelRefused', label: 'Channel refused' },
  { key: 'shippedNoScan', label: 'Shipped, no scan yet' },
] as const;

/** A comma-separated list typed into a box; applied when the box is left or Enter is pressed. */
function ListField({
  label,
  hint,
  value,
  onCommit,
  testId,
}: {
  label: string;
  hint: string;
  value: readonly string[];
  onCommit: (values: string[]) => void;
  testId: string;
}) {
  const joined = value.join(', ');
  const [text, setText] = useState(joined);
  useEffect(() => {
    setText(joined);
  }, [joined]);
  const commit = () => {
    const values = text
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean);
    if (values.join(', ') !== joined) onCommit(values);
  };
  return (
    <label className="filter-field">
      <span>{label}</span>
      <input
        type="text"
        value={text}
        placeholder={hint}
        onChange={(event) => setText(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => event.key === 'Enter' && commit()}
        data-testid={testId}
      />
    </label>
  );
}

/** Narrows the list by SKU, ship method, destination, who ships, and the three conditions people chase. */
export function FiltersBar({ value, onChange }: FiltersBarProps) {
  const active = activeFilterCount(value);
  const [open, setOpen] = useState(active > 0);
  return (
    <div className="filters-bar" data-testid="filters-bar">
      <button
        type="button"
        className="link"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
        data-testid="filters-toggle"
      >
        Filters{active > 0 && ` (${active})`}
      </button>
      {active > 0 && (
        <button type="button" className="link" onClick={() => onChange(NO_FILTERS)} data-testid="filters-clear">
          Clear filters
        </button>
      )}
      {open && (
        <div className="filters-fields">
          <ListField
            label="SKU"
            hint="ABC-1, ABC-2"
            value={value.skus}
            onCommit={(skus) => onChange({ ...value, skus })}
            testId="filter-sku"
          />
          <ListField
            label="Ship method"
            hint="Standard, SecondDay"
            value={value.shipMethods}
            onCommit={(shipMethods) => onChange({ ...value, shipMethods })}
            testId="filter-ship-method"
          />
          <ListField
            label="Ship-to state"
            hint="CA, NY"
            value={value.shipToStates}
            onCommit={(states) => onChange({ ...value, shipToStates: states.map((state) => state.toUpperCase()) })}
            testId="filter-state"
          />
          <fieldset className="filter-choices">
            <legend>Who ships</legend>
            {FULFILMENT_CHOICES.map((method) => (
              <label key={method}>
                <input
                  type="checkbox"
                  checked={value.fulfillment.includes(method)}
                  onChange={(event) =>
                    onChange({
                      ...value,
                      fulfillment: event.target.checked
                        ? [...value.fulfillment, method]
                        : value.fulfillment.filter((item) => item !== method),
                    })
                  }
                  data-testid={`filter-fulfilment-${method}`}
                />
                {fulfilmentLabel(method)}
              </label>
            ))}
          </fieldset>
          <fieldset className="filter-choices">
            <legend>Only orders where</legend>
            {FLAGS.map(({ key, label }) => (
              <label key={key}>
                <input
                  type="checkbox"
                  checked={value[key]}
                  onChange={(event) => onChange({ ...value, [key]: event.target.checked })}
                  data-testid={`filter-${key}`}
                />
                {label}
              </label>
            ))}
          </fieldset>
        </div>
      )}
    </div>
  );
}
