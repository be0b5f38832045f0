import { Link } from 'react-router';

/** The print pages' screen-only bar: back to the inbox, print, and the same pages as a PDF. */
export function PrintToolbar({ pdfUrl, pdfLabel }: { pdfUrl: string; pdfLabel: string }) {
  return (
    <div className="print-toolbar no-print">
      <Link to="/" className="back" data-testid="print-back">
        ← Inbox
      </Link>
      <span className="print-actions">
        <button type="button" onClick={() => window.print()} data-testid="print-now">
          Print
        </button>
        <a className="button" href={pdfUrl} target="_blank" rel="noreferrer" data-testid="print-pdf">
          {pdfLabel}
        </a>
      </span>
    </div>
  );
}
