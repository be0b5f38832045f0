import { csvRecords, fileRowOf, missingColumns, planCsvBatches } from './csv-batches';

const HEADER = 'order,line,quantity,carrier,tracking';
const rows = (n: number) => Array.from({ length: n }, (_, i) => `PO${i + 1},1,1,UPS,1Z${i}`);

test('splits 450 rows into batches of 200, 200 and 50, each with the header', () => {
  const plan = planCsvBatches([HEADER, ...rows(450)].join('\r\n'));
  expect(plan.rowCount).toBe(450);
  expect(plan.batches.map((b) => b.rowCount)).toEqual([200, 200, 50]);
  for (const batch of plan.batches) expect(batch.csv.split('\n')[0]).toBe(HEADER);
  expect(plan.batches[1].csv.split('\n')[1]).toBe('PO201,1,1,UPS,1Z200');
  expect(plan.batches.map((b) => b.firstFileRow)).toEqual([2, 202, 402]);
});

test('api row numbers (header = 1 in each call) become file rows', () => {
  const plan = planCsvBatches([HEADER, ...rows(450)].join('\n'));
  expect(fileRowOf(plan.batches[0], 2)).toBe(2);
  expect(fileRowOf(plan.batches[1], 2)).toBe(202);
  expect(fileRowOf(plan.batches[2], 51)).toBe(451);
});

test('quoted fields keep their commas and line breaks; blank lines and a BOM are dropped', () => {
  const text = `\uFEFF${HEADER},service\n"PO1",1,1,UPS,1Z1,"Ground, ""home""\nsecond line"\n\nPO2,1,1,UPS,1Z2,\n`;
  expect(csvRecords(text)).toEqual([
    `${HEADER},service`,
    '"PO1",1,1,UPS,1Z1,"Ground, ""home""\nsecond line"',
    'PO2,1,1,UPS,1Z2,',
  ]);
  expect(planCsvBatches(text).rowCount).toBe(2);
});

test('a header-only or empty file has no batches', () => {
  expect(planCsvBatches(HEADER)).toEqual({ header: HEADER, rowCount: 0, batches: [] });
  expect(planCsvBatches('').rowCount).toBe(0);
});

test('missingColumns names the required columns the header lacks', () => {
  expect(missingColumns('Order, Line ,quantity,"carrier",tracking,service')).toEqual([]);
  expect(missingColumns('PO,Line Number,qty,carrier_code,Tracking-Number')).toEqual([]);
  expect(missingColumns('order,line,carrier')).toEqual(['quantity', 'tracking']);
});
