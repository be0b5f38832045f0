import type { ViolationLike } from '../lib/violation-fields';

/** The rules an input breaks, in words: BLOCK in red (the action cannot go), WARN in amber (it may); the code in a tooltip. */
export function ViolationList({
  violations,
  testId,
}: {
  violations: readonly ViolationLike[] | undefined;
  testId: string;
}) {
  if (!violations || violations.length === 0) return null;
  return (
    <ul className="violations" data-testid={testId}>
      {violations.map((v) => (
        <li
          key={`${v.code}|${v.message}`}
          className={v.severity === 'BLOCK' ? 'violation block' : 'violation warn'}
          data-testid="violation"
          data-code={v.code}
          data-severity={v.severity}
          title={v.code}
        >
          <strong>{v.severity === 'BLOCK' ? 'Blocked' : 'Warning'}</strong> {v.message}
        </li>
      ))}
    </ul>
  );
}
