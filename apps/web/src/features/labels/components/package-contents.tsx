import type { OrderDetail } from '@/features/shared/api/orders.graphql';
import { openUnits } from '../lib/package-contents';

interface PackageContentsProps {
  order: OrderDetail;
  packageIndex: number;
  typed: Record<string, string>;
  errors: Record<string, string>;
  onChange: (lineNumber: string, value: string) => void;
}

/** What goes in this package: every open unit unless fewer are typed (the rest ship in the next package). */
export function PackageContents({ order, packageIndex, typed, errors, onChange }: PackageContentsProps) {
  const open = openUnits(order.lines);
  if (open.reduce((sum, line) => sum + line.open, 0) < 2 && packageIndex === 0) return null;
  return (
    <fieldset className="label-contents" data-testid="label-contents">
      <legend>Package {packageIndex + 1}: what goes in it</legend>
      {errors[''] && (
        <p className="field-error" role="alert" data-testid="label-contents-error">
          {errors['']}
        </p>
      )}
      <div className="form-grid">
        {open.map(({ lineNumber, open: units }) => {
          const line = order.lines.find((l) => l.lineNumber === lineNumber)!;
          return (
            <label className="field" key={lineNumber}>
              <span>
                {line.sku} <span className="muted">(of {units} left)</span>
              </span>
              <input
                type="number"
                min={0}
                max={units}
                step={1}
                inputMode="numeric"
                value={typed[lineNumber] ?? String(units)}
                aria-invalid={errors[lineNumber] ? true : undefined}
                onChange={(event) => onChange(lineNumber, event.target.value)}
                data-testid="label-contents-quantity"
                data-line-number={lineNumber}
              />
              {errors[lineNumber] && (
                <span className="field-error" role="alert">
                  {errors[lineNumber]}
                </span>
              )}
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
