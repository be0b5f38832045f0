/** Rows per confirmShipmentsCsv call (the api takes at most 5,000; smaller calls let the bar move). */
export const CSV_BATCH_ROWS = 200;

export interface CsvBatch {
  /** Header plus this batch's rows, as sent. */
  csv: string;
  /** Row of this batch's first data row in the whole file (the header being row 1). */
  firstFileRow: number;
  rowCount: number;
}

export interface CsvPlan {
  header: string;
  rowCount: number;
  batches: CsvBatch[];
}

/**
 * Splits a CSV file into records, keeping quoted fields whole (a quoted value may hold commas, quotes
 * doubled, and line breaks). Blank lines are dropped; each record keeps its original text.
 */
export function csvRecords(text: string): string[] {
  const records: string[] = [];
  let start = 0;
  let quoted = false;
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) {
      records.push(body.slice(start, i));
      if (c === '\r' && body[i + 1] === '\n') i++;
      start = i + 1;
    }
  }
  records.push(body.slice(start));
  return records.filter((record) => record.trim() !== '');
}

/** The file as calls of at most `size` rows, each with the same header line. */
export function planCsvBatches(text: string, size = CSV_BATCH_ROWS): CsvPlan {
  const [header = '', ...rows] = csvRecords(text);
  const batches: CsvBatch[] = [];
  for (let i = 0; i < rows.length; i += size) {
    const slice = rows.slice(i, i + size);
    batches.push({ csv: `${[header, ...slice].join('\n')}\n`, firstFileRow: i + 2, rowCount: slice.length });
  }
  return { header, rowCount: rows.length, batches };
}

/** The api numbers rows within the call (header = 1); this gives the row in the whole file (header = 1). */
export function fileRowOf(batch: CsvBatch, apiRow: number): number {
  return batch.firstFileRow + apiRow - 2;
}

/**
 * Spellings the api accepts for each required column (lower case, spaces, underscores and dashes ignored);
 * mirrors COLUMNS in apps/api/src/modules/actions/shipment-csv.service.ts so a bad header shows before upload.
 */
const REQUIRED_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  order: ['order', 'ordernumber', 'orderid', 'po', 'purchaseorderid', 'amazonorderid'],
  line: ['line', 'linenumber', 'orderitemid', 'item'],
  quantity: ['quantity', 'qty'],
  carrier: ['carrier', 'carriercode'],
  tracking: ['tracking', 'trackingnumber'],
};

/** Required columns (order, line, quantity, carrier, tracking) the header lacks under every accepted spelling. */
export function missingColumns(header: string): string[] {
  const columns = new Set(
    header.split(',').map((c) =>
      c
        .trim()
        .replace(/^"|"$/g, '')
        .toLowerCase()
        .replace(/[\s_-]/g, ''),
    ),
  );
  return Object.entries(REQUIRED_COLUMNS)
    .filter(([, names]) => !names.some((name) => columns.has(name)))
    .map(([column]) => column);
}
