import { Link, useParams } from 'react-router';
import { ErrorState } from '@/components/error-state';
import { Loading } from '@/components/loading';
import { DownloadButton } from '@/features/compliance/components/download-button';
import { useOrderEvidence } from '../api/evidence.hooks';
import { EvidenceRecord } from '../components/evidence-record';
import { evidenceFileName } from '../lib/evidence-format';

/** `/orders/:id/evidence`: the order's evidence record, to print (the header and buttons stay off paper) or download. */
export function EvidencePage() {
  const { id = '' } = useParams();
  const evidence = useOrderEvidence(id);
  return (
    <div className="evidence-page" data-testid="evidence-page">
      <div className="evidence-toolbar no-print">
        <Link to={`/orders/${id}`} className="back" data-testid="evidence-back">
          ← Order
        </Link>
        {evidence.data && (
          <span className="evidence-actions">
            <button type="button" onClick={() => window.print()} data-testid="evidence-print">
              Print
            </button>
            <DownloadButton
              url={evidence.data.orderEvidence.csvPath}
              fileName={evidenceFileName(evidence.data.orderEvidence.order.channelOrderId)}
              label="Download CSV"
              testId="evidence-csv"
            />
          </span>
        )}
      </div>
      {evidence.isPending ? (
        <Loading label="Gathering the evidence…" />
      ) : evidence.isError ? (
        <ErrorState error={evidence.error} onRetry={() => void evidence.refetch()} />
      ) : (
        <EvidenceRecord evidence={evidence.data.orderEvidence} />
      )}
    </div>
  );
}
