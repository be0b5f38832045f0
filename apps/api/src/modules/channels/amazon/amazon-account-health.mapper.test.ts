import { mapAccountHealthReport } from './amazon-account-health.mapper';

const range = { reportingDateFrom: '2026-10-04T00:00Z', reportingDateTo: '2026-12-02T23:59Z' };
const odr = (rate: number, count: number) => ({
  reportingDateRange: range,
  orderCount: 240,
  orderWithDefects: { count, status: 'GOOD' },
  claims: { count: 1, status: 'NONE' },
  chargebacks: { count: 0, status: 'NONE' },
  negativeFeedback: { count: count - 1, status: 'NONE' },
  fulfillmentType: 'mfn',
  status: 'GOOD',
  rate,
  targetValue: 0.01,
  targetCondition: 'LESS_THAN',
});

describe('mapAccountHealthReport', () => {
  const document = {
    accountStatuses: [
      { marketplaceId: 'A2EUQ1WTGCTBG2', status: 'AT_RISK' },
      { marketplaceId: 'ATVPDKIKX0DER', status: 'NORMAL' },
    ],
    performanceMetrics: [
      {
        marketplaceId: 'A2EUQ1WTGCTBG2',
        orderDefectRate: { mfn: odr(0.05, 12) },
        accountHealthRating: { ahrStatus: 'WARNED', reportingDateRange: range },
      },
      {
        marketplaceId: 'ATVPDKIKX0DER',
        orderDefectRate: { mfn: odr(0.008333, 2), afn: odr(0, 0) },
        accountHealthRating: { ahrStatus: 'GREAT', reportingDateRange: range },
      },
    ],
  };

  it("reads the account's own marketplace: status, rating and the seller-fulfilled ODR in percent", () => {
    expect(mapAccountHealthReport('R1', 'ATVPDKIKX0DER', document)).toEqual({
      reportId: 'R1',
      marketplaceId: 'ATVPDKIKX0DER',
      accountStatus: 'NORMAL',
      ratingStatus: 'GREAT',
      ratingFrom: new Date('2026-10-04T00:00:00.000Z'),
      ratingTo: new Date('2026-12-02T23:59:59.999Z'),
      orderDefectRate: {
        ratePercent: 0.8333,
        targetPercent: 1,
        targetCondition: 'LESS_THAN',
        status: 'GOOD',
        orderCount: 240,
        ordersWithDefects: 2,
        claims: 1,
        chargebacks: 0,
        negativeFeedback: 1,
        reportingFrom: new Date('2026-10-04T00:00:00.000Z'),
        reportingTo: new Date('2026-12-02T23:59:59.999Z'),
      },
    });
  });

  it('reads the rating under either name the schema gives it, and leaves out what the report does not have', () => {
    const listedName = {
      performanceMetrics: [
        { marketplaceId: 'ATVPDKIKX0DER', accountHealthRating: { accountHealthRatingStatus: 'WARNED' } },
      ],
    };
    expect(mapAccountHealthReport('R2', 'ATVPDKIKX0DER', listedName)).toMatchObject({
      accountStatus: null,
      ratingStatus: 'WARNED',
      ratingFrom: null,
      orderDefectRate: null,
    });
    expect(mapAccountHealthReport('R3', 'A1F83G8C2ARO7P', document)).toMatchObject({
      accountStatus: null,
      ratingStatus: null,
      orderDefectRate: null,
    });
  });
});
