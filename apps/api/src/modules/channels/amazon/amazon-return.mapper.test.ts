import { ChannelError } from 'src/modules/channels/channel-error';
import { mapAmazonReturnsReport } from './amazon-return.mapper';

const HEADER = [
  'Order ID',
  'Order date',
  'Return request date',
  'Return request status',
  'Amazon RMA ID',
  'Merchant RMA ID',
  'Label type',
  'Label cost',
  'Currency code',
  'Return carrier',
  'Tracking ID',
  'Label to be paid by',
  'A-to-Z Claim',
  'Is prime',
  'ASIN',
  'Merchant SKU',
  'Item Name',
  'Return quantity',
  'Return Reason',
  'In policy',
  'Return type',
  'Resolution',
  'Invoice number',
  'Return delivery date',
  'Order Amount',
  'Order quantity',
  'SafeT Action reason',
  'SafeT claim id',
  'SafeT claim state',
  'SafeT claim creation time',
  'SafeT claim reimbursement amount',
  'Refunded Amount',
];

type Row = Partial<Record<(typeof HEADER)[number], string>>;

const base: Row = {
  'Order ID': '112-0000001-0000001',
  'Order date': '2026-10-01T10:00:00Z',
  'Return request date': '2026-10-10T09:00:00Z',
  'Return request status': 'Authorized',
  'Amazon RMA ID': 'DzYp1RRMA',
  'Currency code': 'USD',
  'Return carrier': 'UPS',
  'Tracking ID': '1Z999AA10123456784',
  'A-to-Z Claim': 'N',
  ASIN: 'B000000001',
  'Merchant SKU': 'MUG-RED',
  'Item Name': 'Red mug',
  'Return quantity': '1',
  'Return Reason': 'CR-DEFECTIVE',
  Resolution: 'StandardRefund',
  'Order Amount': '39.98',
  'Order quantity': '2',
};

const tsv = (rows: Row[], header = HEADER) =>
  [header.join('\t'), ...rows.map((r) => header.map((h) => r[h] ?? '').join('\t'))].join('\r\n') + '\r\n';

describe('mapAmazonReturnsReport', () => {
  it('maps a requested return with its label, reason, unit price and order', () => {
    const { returns, rejected } = mapAmazonReturnsReport(tsv([base]));
    expect(rejected).toEqual([]);
    expect(returns).toHaveLength(1);
    const [r] = returns;
    expect(r).toMatchObject({
      channel: 'AMAZON',
      channelReturnId: 'DzYp1RRMA',
      customerOrderId: '112-0000001-0000001',
      channelOrderId: '112-0000001-0000001',
      status: 'IN_TRANSIT',
      requestedAt: new Date('2026-10-10T09:00:00Z'),
      updatedAt: new Date('2026-10-10T09:00:00Z'),
      returnType: 'REFUND',
      tracking: [{ carrier: 'UPS', trackingNumber: '1Z999AA10123456784' }],
      labelUrl: null,
      claim: false,
      currency: 'USD',
    });
    expect(r.lines).toEqual([
      {
        returnLineNumber: 'MUG-RED',
        channelOrderId: '112-0000001-0000001',
        lineNumber: null,
        sku: 'MUG-RED',
        productName: 'Red mug',
        quantity: 1,
        quantityRefunded: 0,
        reasonCode: 'CR-DEFECTIVE',
        status: 'IN_TRANSIT',
        receivedAt: null,
        refundedAt: null,
        refundedBy: null,
        unitPriceCents: 1999,
        unitTaxCents: null,
        refundedCents: null,
      },
    ]);
    expect((r.raw as Record<string, string>[])[0]['Amazon RMA ID']).toBe('DzYp1RRMA');
  });

  it('groups rows by order and RMA; received when the delivery date is there, refunded when the refund covers the units', () => {
    const { returns } = mapAmazonReturnsReport(
      tsv([
        { ...base, 'Return delivery date': '2026-10-14T15:30:00Z' },
        {
          ...base,
          'Merchant SKU': 'MUG-BLUE',
          'Item Name': 'Blue mug',
          'Return quantity': '2',
          'Order Amount': '20.00',
          'Order quantity': '2',
          'Return delivery date': '2026-10-14T15:30:00Z',
          'Refunded Amount': '20.00',
          'Return request status': 'Closed',
        },
        {
          ...base,
          'Order ID': '112-0000002-0000002',
          'Amazon RMA ID': 'OTHER',
          'Return request status': 'Pending',
          'Tracking ID': '',
        },
      ]),
    );
    expect(returns.map((r) => [r.channelReturnId, r.status])).toEqual([
      ['DzYp1RRMA', 'RECEIVED'],
      ['OTHER', 'REQUESTED'],
    ]);
    const [received] = returns;
    expect(received.updatedAt).toEqual(new Date('2026-10-14T15:30:00Z'));
    expect(received.tracking).toHaveLength(1);
    expect(
      received.lines.map((l) => [l.returnLineNumber, l.status, l.quantityRefunded, l.refundedCents, l.refundedBy]),
    ).toEqual([
      ['MUG-RED', 'RECEIVED', 0, null, null],
      ['MUG-BLUE', 'REFUNDED', 2, 2000, 'SELLER'],
    ]);
    expect(received.lines[0].receivedAt).toEqual(new Date('2026-10-14T15:30:00Z'));
  });

  it('counts the refunded units from the amount, and a refund under an A-to-z claim as Amazon’s', () => {
    const { returns } = mapAmazonReturnsReport(
      tsv([
        { ...base, 'Return quantity': '2', 'Return delivery date': '2026-10-14', 'Refunded Amount': '21.50' },
        {
          ...base,
          'Amazon RMA ID': 'CLAIMED',
          'A-to-Z Claim': 'Y',
          'Refunded Amount': '$19.99',
          'Order Amount': '',
          'Order quantity': '',
        },
      ]),
    );
    const [partly, claimed] = returns;
    expect(partly.status).toBe('RECEIVED');
    expect(partly.lines[0]).toMatchObject({
      quantity: 2,
      quantityRefunded: 1,
      refundedCents: 2150,
      refundedBy: 'SELLER',
    });
    expect(partly.lines[0].receivedAt).toEqual(new Date('2026-10-14T00:00:00Z'));
    // No unit price: a refund counts for the whole request.
    expect(claimed).toMatchObject({ claim: true, status: 'REFUNDED' });
    expect(claimed.lines[0]).toMatchObject({ quantityRefunded: 1, refundedBy: 'CHANNEL', unitPriceCents: null });
  });

  it('closes a request that ended without the item coming back; an item back is still owed a refund', () => {
    const { returns } = mapAmazonReturnsReport(
      tsv([
        { ...base, 'Return request status': 'Closed' },
        {
          ...base,
          'Amazon RMA ID': 'BACK',
          'Return request status': 'Closed',
          'Return delivery date': '2026-10-20T00:00:00Z',
        },
      ]),
    );
    expect(returns.map((r) => r.status)).toEqual(['CLOSED', 'RECEIVED']);
  });

  it('reads columns by name in any order, ignores unknown ones, and adds up two rows of one SKU', () => {
    const shuffled = ['Some new column', ...[...HEADER].reverse()];
    const { returns, rejected } = mapAmazonReturnsReport(
      tsv([{ ...base }, { ...base, 'Return quantity': '3' }], shuffled).replace('Some new column', ' some NEW column '),
    );
    expect(rejected).toEqual([]);
    expect(returns[0].lines).toHaveLength(1);
    expect(returns[0].lines[0].quantity).toBe(4);
  });

  it('keys a request without an RMA id by order and request date', () => {
    const { returns } = mapAmazonReturnsReport(tsv([{ ...base, 'Amazon RMA ID': '' }]));
    expect(returns[0].channelReturnId).toBe('112-0000001-0000001:2026-10-10T09:00:00Z');
  });

  it('sets aside a whole return when one of its rows cannot be read, naming the line, column and rule', () => {
    const { returns, rejected } = mapAmazonReturnsReport(
      tsv([
        base,
        { ...base, 'Merchant SKU': 'MUG-BLUE', 'Return quantity': 'two' },
        { ...base, 'Amazon RMA ID': 'BADDATE', 'Return request date': 'yesterday' },
        { ...base, 'Amazon RMA ID': 'BADMONEY', 'Refunded Amount': '12,5x' },
        { ...base, 'Amazon RMA ID': 'GOOD' },
      ]),
    );
    expect(returns.map((r) => r.channelReturnId)).toEqual(['GOOD']);
    expect(rejected.map((r) => [r.channelReturnId, r.reason])).toEqual([
      ['DzYp1RRMA', 'Amazon returns report line 3: "Return quantity" "two" is not a whole number of units above 0'],
      ['BADDATE', 'Amazon returns report line 4: "Return request date" "yesterday" is not a date'],
      ['BADMONEY', 'Amazon returns report line 5: "Refunded Amount" "12,5x" is not an amount'],
    ]);
    expect(rejected[0].raw).toHaveLength(2);
  });

  it('refuses a report missing a column the hub needs, naming it', () => {
    const header = HEADER.filter((h) => h !== 'Return delivery date');
    let error: unknown;
    try {
      mapAmazonReturnsReport(tsv([base], header));
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ChannelError);
    expect((error as ChannelError).message).toBe(
      'The returns report has no "Return delivery date" column; the hub reads returns by these columns',
    );
    expect((error as ChannelError).details.field).toBe('Return delivery date');
  });

  it('reads an empty report as no returns', () => {
    expect(mapAmazonReturnsReport(`${HEADER.join('\t')}\n`)).toEqual({ returns: [], rejected: [] });
  });
});
