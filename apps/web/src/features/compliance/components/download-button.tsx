import { useState } from 'react';
import { downloadWithSession } from '../lib/download-file';

interface DownloadButtonProps {
  url: string;
  fileName: string;
  label: string;
  testId: string;
}

/** A button that fetches the file with the session's cookie and saves it; a failure shows beside it. */
export function DownloadButton({ url, fileName, label, testId }: DownloadButtonProps) {
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  const download = async () => {
    setState({ busy: true, error: null });
    try {
      await downloadWithSession(url, fileName);
      setState({ busy: false, error: null });
    } catch (error) {
      setState({ busy: false, error: (error as Error).message });
    }
  };
  return (
    <span className="download">
      <button type="button" onClick={() => void download()} disabled={state.busy} data-testid={testId}>
        {state.busy ? 'Downloading…' : label}
      </button>
      {state.error && (
        <span className="field-error" role="alert" data-testid={`${testId}-error`}>
          {state.error}
        </span>
      )}
    </span>
  );
}
