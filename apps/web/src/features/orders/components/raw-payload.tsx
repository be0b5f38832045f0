export function RawPayload({ payload }: { payload: unknown }) {
  return (
    <details className="panel" data-testid="order-raw">
      <summary>Raw channel payload</summary>
      <pre>{JSON.stringify(payload, null, 2)}</pre>
    </details>
  );
}
