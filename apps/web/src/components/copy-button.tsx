import { useState } from 'react';

interface CopyButtonProps {
  text: string;
  label?: string;
  testId: string;
}

/** Copies `text` to the clipboard and says so; where the clipboard is refused the text stays selectable. */
export function CopyButton({ text, label = 'Copy', testId }: CopyButtonProps) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('failed');
    }
  };
  return (
    <>
      <button type="button" onClick={() => void copy()} data-testid={testId}>
        {label}
      </button>
      <span className="muted" role="status">
        {state === 'copied' ? 'Copied.' : state === 'failed' ? 'The browser refused: select the text and copy it.' : ''}
      </span>
    </>
  );
}
