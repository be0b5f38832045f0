import { checkDocument, checkRequest, checkResponse, findOperation } from '.';

const op = (method: string, path: string) => {
  const found = findOperation('amazon', method, path);
  if (!found) throw new Error(`no operation for ${method} ${path}`);
  return found;
};

const range = { reportingDateFrom: '2026-10-05T00:00Z', reportingDateTo: '2026-12-03T23:59Z' };
const counted = (count: number) => ({ count, status: 'NONE' });
const listing = {
  reportingDateRange: range,
  defectsCount: 0,
  status: 'GOOD',
  targetValue: 0,
  targetCondition: 'EQUALS',
};
const odr = (rate: number) => ({
  reportingDateRange: range,
  orderCount: 120,
  orderWithDefects: { count: 1, status: 'GOOD' },
  claims: counted(1),
  chargebacks: counted(0),
  negativeFeedback: counted(0),
  fulfillmentType: 'mfn',
  status: 'GOOD',
  rate,
  targetValue: 0.01,
  targetCondition: 'LESS_THAN',
});
const rate = (extra: Record<string, number>) => ({
  reportingDateRange: range,
  status: 'GOOD',
  rate: 0.01,
  targetValue: 0.04,
  targetCondition: 'LESS_THAN',
  ...extra,
});

function accountHealthDocument(): any {
  return {
    accountStatuses: [{ marketplaceId: 'ATVPDKIKX0DER', status: 'NORMAL' }],
    performanceMetrics: [
      {
        marketplaceId: 'ATVPDKIKX0DER',
        invoiceDefectRate: {
          ...rate({ orderCount: 0 }),
          invoiceDefect: counted(0),
          missingInvoice: counted(0),
          lateInvoice: counted(0),
        },
        lateShipmentRate: rate({ orderCount: 120, lateShipmentCount: 1 }),
        orderDefectRate: { mfn: odr(0.0083), afn: odr(0) },
        onTimeDeliveryRate: rate({ shipmentCountWithValidTracking: 100, onTimeDeliveryCount: 98 }),
        unitOnTimeDeliveryRate: rate({ unitOnTimeDeliveryCount: 98, totalUnitCount: 100 }),
        validTrackingRate: rate({ shipmentCount: 100, validTrackingCount: 99 }),
        preFulfillmentCancellationRate: rate({ orderCount: 120, cancellationCount: 0 }),
        warningStates: [],
        accountHealthRating: { ahrStatus: 'GREAT', reportingDateRange: range },
        listingPolicyViolations: listing,
        productAuthenticityCustomerComplaints: listing,
        productConditionCustomerComplaints: listing,
        productSafetyCustomerComplaints: listing,
        receivedIntellectualPropertyComplaints: listing,
        restrictedProductPolicyViolations: listing,
        suspectedIntellectualPropertyViolations: listing,
        foodAndProductSafetyIssues: listing,
        otherPolicyViolations: listing,
        documentRequests: listing,
      },
    ],
  };
}

describe('Reports API 2021-06-30', () => {
  it('finds the operations the hub calls for the account health report', () => {
    expect(op('POST', '/reports/2021-06-30/reports').operationId).toBe('createReport');
    expect(op('GET', '/reports/2021-06-30/reports/123').operationId).toBe('getReport');
    expect(op('GET', '/reports/2021-06-30/documents/amzn1.doc.1').operationId).toBe('getReportDocument');
  });

  it('holds createReport to its specification: marketplaceIds and reportType are required', () => {
    const create = op('POST', '/reports/2021-06-30/reports');
    expect(
      checkRequest(create, {
        body: { reportType: 'GET_V2_SELLER_PERFORMANCE_REPORT', marketplaceIds: ['ATVPDKIKX0DER'] },
      }),
    ).toEqual([]);
    expect(checkRequest(create, { body: { reportType: 'GET_V2_SELLER_PERFORMANCE_REPORT' } })).toContainEqual({
      field: 'marketplaceIds',
      message: 'is required by the model',
    });
  });

  it('holds a report and its document to the model: status enum, no invented fields', () => {
    const get = op('GET', '/reports/2021-06-30/reports/123');
    const report = {
      reportId: '123',
      reportType: 'GET_V2_SELLER_PERFORMANCE_REPORT',
      createdTime: '2026-12-03T10:00:00Z',
      processingStatus: 'DONE',
      reportDocumentId: 'amzn1.doc.1',
    };
    expect(checkResponse(get, 200, report)).toEqual([]);
    expect(checkResponse(get, 200, { ...report, processingStatus: 'READY' })[0].field).toBe('processingStatus');
    const doc = op('GET', '/reports/2021-06-30/documents/amzn1.doc.1');
    expect(
      checkResponse(doc, 200, { reportDocumentId: 'amzn1.doc.1', url: 'https://x/y', compressionAlgorithm: 'GZIP' }),
    ).toEqual([]);
    expect(
      checkResponse(doc, 200, { reportDocumentId: 'amzn1.doc.1', url: 'https://x/y', compressionAlgorithm: 'ZIP' })[0]
        .field,
    ).toBe('compressionAlgorithm');
  });
});

describe('account health report document (GET_V2_SELLER_PERFORMANCE_REPORT)', () => {
  it('accepts a complete document, with the ahrStatus the schema requires', () => {
    expect(checkDocument('amazon', 'accountHealthReport-2020-11-18', accountHealthDocument())).toEqual([]);
  });

  it('names what is missing, misspelt or outside an enum', () => {
    const doc = accountHealthDocument();
    delete doc.performanceMetrics[0].orderDefectRate.mfn.claims;
    doc.performanceMetrics[0].lateShipmentRate.targetCondition = 'AT_MOST';
    doc.accountStatuses[0].status = 'SUSPENDED';
    doc.performanceMetrics[0].orderDefectRate.afn.defectRate = 0.1;
    const fields = checkDocument('amazon', 'accountHealthReport-2020-11-18', doc).map((v) => v.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'performanceMetrics[0].orderDefectRate.mfn.claims',
        'performanceMetrics[0].lateShipmentRate.targetCondition',
        'accountStatuses[0].status',
        'performanceMetrics[0].orderDefectRate.afn.defectRate',
      ]),
    );
  });

  it('refuses an unknown document schema by name', () => {
    expect(() => checkDocument('amazon', 'sellerFeedback', {})).toThrow(
      /no amazon document schema named sellerFeedback/,
    );
  });
});
