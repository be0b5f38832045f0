import {
  amazonSchema,
  assertValid,
  checkRequest,
  checkResponse,
  findOperation,
  loadModel,
  officialExamples,
  operations,
  walmartSchemas,
} from '.';

const op = (api: 'walmart' | 'amazon', method: string, path: string) => {
  const found = findOperation(api, method, path);
  if (!found) throw new Error(`no operation for ${api} ${method} ${path}`);
  return found;
};
const example = (api: 'walmart' | 'amazon', name: string, operationId: string) => {
  const found = officialExamples({ api, operationId }).find((e) => e.name === name);
  if (!found) throw new Error(`no example ${name} of ${operationId}`);
  return structuredClone(found.body) as any;
};

describe('findOperation', () => {
  it.each([
    ['walmart', 'POST', '/v3/orders/1815367951431/shipping', 'orders', 'shippingUpdates'],
    ['walmart', 'GET', '/v3/orders/released', 'orders', 'getAllReleasedOrders'],
    ['walmart', 'GET', '/v3/orders/1815367951431', 'orders', 'getAnOrder'],
    ['walmart', 'GET', '/v3/orders?limit=10', 'orders', 'getAllOrders'],
    ['walmart', 'POST', '/v3/token', 'auth', 'tokenAPI'],
    ['amazon', 'GET', '/orders/2026-01-01/orders/123-4567890-1234567', 'orders_2026-01-01', 'getOrder'],
    ['amazon', 'GET', '/orders/v0/orders/123-4567890-1234567/address', 'ordersV0', 'getOrderAddress'],
    ['amazon', 'POST', '/orders/v0/orders/123-4567890-1234567/shipmentConfirmation', 'ordersV0', 'confirmShipment'],
    [
      'amazon',
      'PUT',
      '/fba/outbound/2020-07-01/fulfillmentOrders/ORDER-1/cancel',
      'fulfillmentOutbound_2020-07-01',
      'cancelFulfillmentOrder',
    ],
    [
      'amazon',
      'POST',
      '/fba/outbound/2020-07-01/fulfillmentOrders/preview',
      'fulfillmentOutbound_2020-07-01',
      'getFulfillmentPreview',
    ],
    ['amazon', 'POST', '/feeds/2021-06-30/documents', 'feeds_2021-06-30', 'createFeedDocument'],
    ['amazon', 'POST', '/tokens/2021-03-01/restrictedDataToken', 'tokens_2021-03-01', 'createRestrictedDataToken'],
  ] as const)('%s %s %s is %s %s', (api, method, path, model, operationId) => {
    expect(findOperation(api, method, path)).toMatchObject({ api, model, operationId, method });
  });

  it('knows no operation the models do not define', () => {
    expect(findOperation('walmart', 'DELETE', '/v3/orders/1')).toBeUndefined();
    expect(findOperation('amazon', 'POST', '/auth/o2/token')).toBeUndefined();
    expect(findOperation('amazon', 'GET', '/orders/2026-01-01/orders/1/items')).toBeUndefined();
  });

  it('lists every operation of the committed models once', () => {
    // Shipping v2 names both PUT and POST /carrierAccounts/{carrierId} linkCarrierAccount: one entry per method.
    const ids = operations('amazon').map((o) => `${o.model}:${o.operationId}:${o.method}`);
    expect(new Set(ids).size).toBe(ids.length);
    expect(findOperation('amazon', 'POST', '/shipping/v2/shipments')?.operationId).toBe('purchaseShipment');
    expect(findOperation('amazon', 'PUT', '/shipping/v2/shipments/s-1/cancel')?.operationId).toBe('cancelShipment');
    expect(operations('walmart').map((o) => o.operationId)).toEqual(
      expect.arrayContaining([
        'shippingUpdates',
        'cancelOrderLines',
        'refundOrderLines',
        'acknowledgeOrders',
        'tokenAPI',
      ]),
    );
  });
});

describe('checkRequest', () => {
  const ship = () => op('walmart', 'POST', '/v3/orders/1815367951431/shipping');

  it("accepts Walmart's own ship request example", () => {
    expect(checkRequest(ship(), { body: example('walmart', 'application/json example', 'shippingUpdates') })).toEqual(
      [],
    );
  });

  it('names a missing required field by its path (the line sellerOrderId the 2026 ship model requires)', () => {
    const body = example('walmart', 'application/json example', 'shippingUpdates');
    delete body.orderShipment.orderLines.orderLine[0].sellerOrderId;
    delete body.orderShipment.orderLines.orderLine[0].orderLineStatuses.orderLineStatus[0].statusQuantity;
    expect(checkRequest(ship(), { body })).toEqual([
      { field: 'orderShipment.orderLines.orderLine[0].sellerOrderId', message: 'is required by the model' },
      {
        field: 'orderShipment.orderLines.orderLine[0].orderLineStatuses.orderLineStatus[0].statusQuantity',
        message: 'is required by the model',
      },
    ]);
  });

  it('names a value outside an enum with the allowed ones and what was sent', () => {
    const body = example('walmart', 'application/json example', 'shippingUpdates');
    body.orderShipment.orderLines.orderLine[0].orderLineStatuses.orderLineStatus[0].status = 'Returned';
    const [v] = checkRequest(ship(), { body });
    expect(v.field).toBe('orderShipment.orderLines.orderLine[0].orderLineStatuses.orderLineStatus[0].status');
    expect(v.message).toMatch(/^must be one of "Created", "Acknowledged", "Shipped".*\(got "Returned"\)$/);
  });

  it('checks requests as written: a field the model does not list is not a request violation', () => {
    const body = example('walmart', 'application/json example', 'shippingUpdates');
    body.orderShipment.note = 'extra';
    expect(checkRequest(ship(), { body })).toEqual([]);
  });

  it("accepts Amazon's confirmShipment sandbox request and refuses the one Amazon answers 400", () => {
    const confirm = op('amazon', 'POST', '/orders/v0/orders/902-1106328-1059050/shipmentConfirmation');
    const [good, bad] = officialExamples({ api: 'amazon', operationId: 'confirmShipment', kind: 'request' });
    expect(good.name).toMatch(/for 204/);
    expect(checkRequest(confirm, { body: good.body })).toEqual([]);
    expect(checkRequest(confirm, { body: bad.body })).toEqual([
      { field: 'packageDetail.shipDate', message: 'must match format "date-time" (got "02/21/2022")' },
    ]);
    expect(checkRequest(confirm, {})).toEqual([
      { field: '(body)', message: 'confirmShipment requires a request body' },
    ]);
  });

  it('checks query parameters: types, enums, comma lists, required ones and unknown ones', () => {
    const search = op('amazon', 'GET', '/orders/2026-01-01/orders');
    expect(
      checkRequest(search, {
        query: { createdAfter: '2026-01-01T00:00:00Z', includedData: 'BUYER,PACKAGES', maxResultsPerPage: '50' },
      }),
    ).toEqual([]);
    const bad = checkRequest(search, {
      query: { createdAfter: 'yesterday', includedData: 'RECIPIENT,ADDRESS', maxResultsPerPage: 'many', shoeSize: '9' },
    });
    expect(bad.map((v) => v.field)).toEqual([
      'query.shoeSize',
      'query.createdAfter',
      'query.maxResultsPerPage',
      'query.includedData[1]',
    ]);
    expect(bad[0].message).toBe('is not a parameter of searchOrders');
  });

  it("allows the parameters Walmart's own nextCursor carries, and checks required headers", () => {
    const list = op('walmart', 'GET', '/v3/orders');
    expect(
      checkRequest(list, { query: { limit: '10', hasMoreElements: 'true', soIndex: '31', poIndex: '10' } }),
    ).toEqual([]);
    expect(checkRequest(list, { headers: { 'wm_sec.access_token': 't', 'WM_QOS.CORRELATION_ID': 'c' } })).toEqual([
      { field: 'header.WM_SVC.NAME', message: 'is required by getAllOrders' },
    ]);
  });
});

describe('checkResponse', () => {
  it("accepts Walmart's list sample and Amazon's searchOrders example", () => {
    expect(
      checkResponse(
        op('walmart', 'GET', '/v3/orders'),
        200,
        example('walmart', 'samples/list_orders_response_200.json', 'getAllOrders'),
      ),
    ).toEqual([]);
    expect(
      checkResponse(
        op('amazon', 'GET', '/orders/2026-01-01/orders'),
        200,
        example('amazon', 'examples.application/json', 'searchOrders'),
      ),
    ).toEqual([]);
  });

  it('names an invented response field (objects are closed) and a missing required one', () => {
    const body = example('amazon', 'examples.application/json', 'searchOrders');
    body.orders[0].fulfillment.shipByDate = '2024-12-27';
    delete body.orders[0].createdTime;
    expect(checkResponse(op('amazon', 'GET', '/orders/2026-01-01/orders'), 200, body)).toEqual([
      { field: 'orders[0].createdTime', message: 'is required by the model' },
      { field: 'orders[0].fulfillment.shipByDate', message: 'is not a field of the model' },
    ]);
  });

  it("checks getAnOrder as Walmart sends it ({ order } with epoch-ms orderDate), the model's own defect corrected", () => {
    const get = op('walmart', 'GET', '/v3/orders/1815367951431');
    expect(
      checkResponse(get, 200, example('walmart', 'samples/get_order_response_200_ORDER.json', 'getAnOrder')),
    ).toEqual([]);
    const bare = example('walmart', 'samples/get_order_response_200_ORDER.json', 'getAnOrder').order;
    expect(checkResponse(get, 200, bare).map((v) => v.field)).toContain('order');
  });

  it("checks errors against the channel's envelope", () => {
    const walmart = op('walmart', 'POST', '/v3/orders/1/shipping');
    const gateway = {
      errors: {
        error: [
          {
            code: 'INVALID_REQUEST_CONTENT.GMP_ORDER_API',
            field: 'data',
            description: 'bad',
            info: 'Request content is invalid.',
            severity: 'ERROR',
            category: 'DATA',
            causes: [],
            errorIdentifiers: {},
          },
        ],
      },
    };
    expect(checkResponse(walmart, 400, gateway)).toEqual([]);
    expect(checkResponse(walmart, 400, { error: 'bad' })).toEqual([
      { field: 'errors', message: 'is required by the model' },
      { field: 'error', message: 'is not a field of the model' },
    ]);
    const amazon = op('amazon', 'GET', '/orders/2026-01-01/orders/1');
    expect(checkResponse(amazon, 400, { errors: [{ code: 'InvalidInput', message: 'Invalid Input' }] })).toEqual([]);
    expect(checkResponse(amazon, 401, { errors: [{ code: 'Unauthorized' }] })).toEqual([
      { field: 'errors[0].message', message: 'is required by the model' },
    ]);
  });

  it('refuses a status the operation never answers, and a body on a 204', () => {
    const confirm = op('amazon', 'POST', '/orders/v0/orders/1/shipmentConfirmation');
    expect(checkResponse(confirm, 204, undefined)).toEqual([]);
    expect(checkResponse(confirm, 200, {})).toEqual([
      {
        field: '(status)',
        message: expect.stringMatching(/^confirmShipment never answers 200; the model lists 204, 400/),
      },
    ]);
    expect(checkResponse(confirm, 204, { ok: true })).toEqual([
      { field: '(body)', message: 'confirmShipment answers 204 with no body in the model' },
    ]);
  });
});

describe('the committed models', () => {
  it('carry no prose or examples, and keep the usage plan Amazon documents as a field', () => {
    const text = JSON.stringify(loadModel('amazon', 'ordersV0'));
    expect(text).not.toMatch(/"(description|summary|example|examples|x-amzn-api-sandbox)"/);
    const confirm = (loadModel('amazon', 'ordersV0').paths as any)['/orders/v0/orders/{orderId}/shipmentConfirmation']
      .post;
    expect(confirm['x-order-hub-rate-limit']).toEqual({ rate: 2, burst: 10 });
  });

  it('every official example names an operation of its model', () => {
    const all = officialExamples();
    expect(all.length).toBeGreaterThan(100);
    for (const e of all)
      expect(operations(e.api).some((o) => o.model === e.model && o.operationId === e.operationId)).toBe(true);
    expect(
      officialExamples({ api: 'walmart', kind: 'request', operationId: 'shippingUpdates' }).map((e) => e.name),
    ).toEqual(['application/json example', 'samples/ship_request.json']);
  });
});

describe('schema-level validators (every object closed)', () => {
  it('validate the official bodies and throw naming the violation', () => {
    const order = example('walmart', 'samples/get_order_response_200_ORDER.json', 'getAnOrder');
    expect(() => assertValid(walmartSchemas.getOrder(), order, 'getAnOrder sample')).not.toThrow();
    expect(() =>
      assertValid(
        walmartSchemas.request('/v3/orders/{purchaseOrderId}/shipping', 'post'),
        example('walmart', 'samples/ship_request.json', 'shippingUpdates'),
        'ship sample',
      ),
    ).not.toThrow();
    const search = example('amazon', 'examples.application/json', 'searchOrders');
    expect(() =>
      assertValid(amazonSchema('orders', 'SearchOrdersResponse'), search, 'searchOrders example'),
    ).not.toThrow();
    search.orders[0].invented = true;
    expect(() => assertValid(amazonSchema('orders', 'SearchOrdersResponse'), search, 'searchOrders example')).toThrow(
      /searchOrders example violates the official model: data\/orders\/0 must NOT have additional properties/,
    );
    expect(() => amazonSchema('orders', 'NoSuchThing')).toThrow(
      'Amazon orders_2026-01-01 model has no definition NoSuchThing',
    );
  });
});
