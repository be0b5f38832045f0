import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorState } from '@/components/error-state';
import { readFileText } from '@/lib/read-file-text';
import { useMe } from '@/features/auth/api/auth.hooks';
import { SupplierPicker } from '@/features/suppliers/components/supplier-picker';
import type { CsvShipmentRowView } from '../api/actions.graphql';
import { type CsvSource, useConfirmShipmentsCsv } from '../api/actions.hooks';
import { actionDeniedReason } from '../lib/action-permissions';
import { type CsvPlan, CSV_BATCH_ROWS, fileRowOf, missingColumns, planCsvBatches } from '../lib/csv-batches';
import { ViolationList } from '../components/violation-list';

interface UploadState {
  done: number;
  total: number;
  rows: CsvShipmentRowView[];
  /** Batches the api refused as a whole: their rows were not applied. */
  failures: { firstRow: number; lastRow: number; error: unknown }[];
  running: boolean;
}

// The api's limits on where a CSV came from (confirmShipmentsCsv's fileName and supplier).
const FILE_NAME_MAX = 200;
const SUPPLIER_MAX = 100;

/**
 * The file name and supplier as the api takes them: trimmed, and null when left empty. A supplier picked from the
 * hub's suppliers (`supplierId`) stands instead of the typed name: each row then counts as that supplier's tracking.
 */
export function csvSourceOf(fileName: string, supplier: string, supplierId = ''): CsvSource {
  return {
    fileName: fileName.trim() || null,
    supplier: supplierId ? null : supplier.trim() || null,
    supplierId: supplierId || null,
  };
}

/** Confirms shipments from a CSV file, 200 rows per call, with a progress bar and a per-row report. */
export function ShipmentsUploadPage() {
  const me = useMe();
  const denied = actionDeniedReason(me.data?.me.role);
  const [file, setFile] = useState<{ name: string; plan: CsvPlan } | null>(null);
  const [readError, setReadError] = useState<string | null>(null);
  const [upload, setUpload] = useState<UploadState | null>(null);
  const [fileName, setFileName] = useState('');
  const [supplier, setSupplier] = useState('');
  const [supplierId, setSupplierId] = useState('');
  const send = useConfirmShipmentsCsv();
  const missing = file ? missingColumns(file.plan.header) : [];

  const pick = async (picked: File | undefined) => {
    setUpload(null);
    setReadError(null);
    setFile(null);
    setFileName(picked?.name.slice(0, FILE_NAME_MAX) ?? '');
    if (!picked) return;
    try {
      setFile({ name: picked.name, plan: planCsvBatches(await readFileText(picked)) });
    } catch (error) {
      setReadError(`Cannot read ${picked.name}: ${(error as Error).message}`);
    }
  };

  const start = async (plan: CsvPlan, source: CsvSource) => {
    let state: UploadState = { done: 0, total: plan.rowCount, rows: [], failures: [], running: true };
    setUpload(state);
    for (const batch of plan.batches) {
      try {
        const { confirmShipmentsCsv } = await send.mutateAsync({ csv: batch.csv, source });
        const rows = confirmShipmentsCsv.rows.map((row) => ({ ...row, row: fileRowOf(batch, row.row) }));
        state = { ...state, rows: [...state.rows, ...rows] };
      } catch (error) {
        const failure = { firstRow: batch.firstFileRow, lastRow: batch.firstFileRow + batch.rowCount - 1, error };
        state = { ...state, failures: [...state.failures, failure] };
      }
      state = { ...state, done: state.done + batch.rowCount };
      setUpload(state);
    }
    setUpload({ ...state, running: false });
  };

  const applied = upload?.rows.filter((row) => row.ok).length ?? 0;
  const refused = upload ? upload.rows.length - applied : 0;
  const percent = upload && upload.total > 0 ? Math.round((upload.done / upload.total) * 100) : 0;

  return (
    <section className="panel upload-page" data-testid="shipments-upload-page">
      <h1>Upload shipments</h1>
      <p className="muted">
        CSV with a header row: <code>order,line,quantity,carrier,tracking</code>, optionally{' '}
        <code>carrierName,service,trackingUrl,shipDate</code>. Sent {CSV_BATCH_ROWS} rows at a time; each row is applied
        whole or not at all.
      </p>
      {denied && (
        <p className="notice" data-testid="role-notice">
          {denied}
        </p>
      )}
      <div className="upload-controls">
        <input
          type="file"
          accept=".csv,text/csv"
          disabled={upload?.running}
          onChange={(event) => void pick(event.target.files?.[0])}
          data-testid="csv-file"
        />
        {file && (
          <span data-testid="csv-preview">
            {file.name}: {file.plan.rowCount} row{file.plan.rowCount === 1 ? '' : 's'} in {file.plan.batches.length}{' '}
            batch
            {file.plan.batches.length === 1 ? '' : 'es'}
          </span>
        )}
      </div>
      <div className="form-grid">
        <label className="field">
          <span>File name (optional)</span>
          <input
            value={fileName}
            maxLength={FILE_NAME_MAX}
            disabled={upload?.running}
            onChange={(event) => setFileName(event.target.value)}
            data-testid="csv-file-name"
          />
        </label>
        <SupplierPicker value={supplierId} onChange={setSupplierId} disabled={upload?.running} />
        {!supplierId && (
          <label className="field">
            <span>Supplier (optional)</span>
            <input
              value={supplier}
              maxLength={SUPPLIER_MAX}
              disabled={upload?.running}
              onChange={(event) => setSupplier(event.target.value)}
              data-testid="csv-supplier"
            />
          </label>
        )}
      </div>
      <p className="muted">
        Kept on each shipment as where its tracking came from: late-scan alerts and plans of action name the file and
        the supplier. Rows from one of your suppliers also mark its purchase orders and count on its scorecard.
      </p>
      <div className="form-actions">
        <button
          type="button"
          className="primary"
          disabled={!file || file.plan.rowCount === 0 || missing.length > 0 || denied !== null || upload?.running}
          title={denied ?? undefined}
          onClick={() => file && void start(file.plan, csvSourceOf(fileName, supplier, supplierId))}
          data-testid="csv-upload"
        >
          {upload?.running ? 'Uploading…' : 'Upload'}
        </button>
      </div>
      {readError && <ErrorState title="Not read" error={new Error(readError)} />}
      {missing.length > 0 && (
        <p className="field-error" data-testid="csv-missing-columns">
          The header lacks {missing.join(', ')}.
        </p>
      )}
      {upload && (
        <>
          <div className="progress" data-testid="csv-progress">
            <progress max={upload.total} value={upload.done} aria-label="Rows sent" />
            <span data-testid="csv-progress-label">
              {upload.done} of {upload.total} rows sent ({percent}%)
            </span>
          </div>
          <p data-testid="csv-summary">
            <strong className="ok">{applied} applied</strong> · <strong className="bad">{refused} refused</strong>
            {upload.failures.length > 0 &&
              ` · ${upload.failures.length} batch${upload.failures.length === 1 ? '' : 'es'} failed`}
          </p>
          {upload.failures.map((failure) => (
            <ErrorState
              key={failure.firstRow}
              title={`Rows ${failure.firstRow}–${failure.lastRow} not sent`}
              error={failure.error}
            />
          ))}
          {upload.rows.length > 0 && (
            <table className="grid" data-testid="csv-results">
              <thead>
                <tr>
                  <th className="num">Row</th>
                  <th>Order</th>
                  <th>Result</th>
                  <th>Why</th>
                </tr>
              </thead>
              <tbody>
                {upload.rows.map((row) => (
                  <tr key={row.row} data-testid="csv-result-row" data-ok={row.ok}>
                    <td className="num">{row.row}</td>
                    <td className="mono">{row.orderNumber}</td>
                    <td className={row.ok ? 'ok' : 'bad'}>{row.ok ? 'Applied' : 'Refused'}</td>
                    <td className="wrap">
                      {/* A refusal by the rules repeats its violations in `error`: the list says it better. */}
                      {(row.ok || !row.violations.some((v) => v.severity === 'BLOCK')) && row.error}
                      <ViolationList violations={row.violations} testId="csv-row-violations" />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {!upload.running && applied > 0 && (
            <p className="muted">
              Applied rows are queued for the channels; follow them in the <Link to="/outbox">outbox</Link>.
            </p>
          )}
        </>
      )}
    </section>
  );
}
