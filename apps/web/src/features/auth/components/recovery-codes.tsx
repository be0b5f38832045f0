import { CopyButton } from '@/components/copy-button';

/** Saves the codes as a text file, one a line. */
function download(codes: readonly string[]) {
  const blob = new Blob([`order-hub recovery codes (each works once)\n\n${codes.join('\n')}\n`], {
    type: 'text/plain',
  });
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = 'order-hub-recovery-codes.txt';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), 0);
}

/** Recovery codes, shown once: each signs in once instead of the authenticator app. */
export function RecoveryCodes({ codes, onDone }: { codes: readonly string[]; onDone: () => void }) {
  return (
    <section className="recovery-codes" aria-labelledby="recovery-codes-title" data-testid="recovery-codes">
      <h2 id="recovery-codes-title">Recovery codes</h2>
      <p className="hint">
        Keep these somewhere safe, away from your phone. Each works once in place of a code from the app. They are not
        shown again.
      </p>
      <ol className="recovery-code-list mono" data-testid="recovery-code-list">
        {codes.map((code) => (
          <li key={code} data-testid="recovery-code">
            {code}
          </li>
        ))}
      </ol>
      <div className="form-actions wrap">
        <CopyButton text={codes.join('\n')} testId="recovery-codes-copy" />
        <button type="button" onClick={() => download(codes)} data-testid="recovery-codes-download">
          Download
        </button>
      </div>
      <button type="button" className="primary" onClick={onDone} data-testid="recovery-codes-saved">
        I saved them
      </button>
    </section>
  );
}
