import type { SupplierLinkViolation } from '../api/supplier-link.api';

/** What is wrong with the number, in the rules' words: red when it cannot be taken, amber when it may. */
export function LinkViolations({ violations }: { violations: readonly SupplierLinkViolation[] }) {
  if (violations.length === 0) return null;
  return (
    <ul className="violations" data-testid="supplier-link-violations">
      {violations.map((v) => (
        <li
          key={v.message}
          className={v.severity === 'BLOCK' ? 'violation block' : 'violation warn'}
          data-testid="supplier-link-violation"
          data-severity={v.severity}
        >
          <strong>{v.severity === 'BLOCK' ? 'Cannot be used:' : 'Check:'}</strong> {v.message}
        </li>
      ))}
    </ul>
  );
}
