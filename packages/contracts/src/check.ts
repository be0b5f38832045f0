import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { type Node, closeObjects, isNode, loadModel, node } from './models';
import { type ContractOperation, type Parameter, operationSpec } from './operations';

/** field: dotted path into the body (`orderShipment.orderLines.orderLine[0].sellerOrderId`) or `query.<name>`. */
export interface ContractViolation {
  field: string;
  message: string;
}

export function newAjv(): Ajv {
  const ajv = new Ajv({ strict: false, allErrors: true, verbose: true, validateFormats: true });
  addFormats(ajv);
  // OpenAPI's numeric and binary formats carry no constraint a JSON value could break here; `ip` is either family;
  // shipping v2 writes a media type (`application/pdf`) as a format, and `dateTime` for date-time.
  for (const f of ['int32', 'int64', 'float', 'double', 'binary', 'ip', 'application/pdf'])
    ajv.addFormat(f, () => true);
  ajv.addFormat('dateTime', (s: string) => !Number.isNaN(Date.parse(s)));
  return ajv;
}

const ajv = newAjv();
const cache = new Map<string, ValidateFunction>();
function compiled(key: string, schema: () => object): ValidateFunction {
  let v = cache.get(key);
  if (!v) {
    v = ajv.compile(schema());
    cache.set(key, v);
  }
  return v;
}

const closedDocs = new Map<string, Node>();
function model(op: ContractOperation, closed: boolean): Node {
  const doc = loadModel(op.api, op.model);
  if (!closed) return doc;
  const key = `${op.api}/${op.model}`;
  let c = closedDocs.get(key);
  if (!c) {
    c = node(closeObjects(doc));
    closedDocs.set(key, c);
  }
  return c;
}

/** A schema taken out of a model, with the model's definitions beside it so its `$ref`s resolve. */
function inModel(schema: Node, doc: Node): object {
  return {
    ...schema,
    ...(doc.definitions ? { definitions: doc.definitions } : {}),
    ...(doc.components ? { components: doc.components } : {}),
  };
}

const MEDIA = ['application/json', 'application/x-www-form-urlencoded'];
function contentSchema(content: unknown): Node | undefined {
  const c = node(content);
  const media = MEDIA.find((m) => c[m]) ?? Object.keys(c)[0];
  const schema = media ? node(c[media]).schema : undefined;
  return isNode(schema) ? schema : undefined;
}

/** Walmart's error envelope `{ errors: { error: [GatewayError] } }`, GatewayError as the orders model lists it. */
export function walmartErrorSchema(closed: boolean): Node {
  const orders = model(
    { api: 'walmart', model: 'orders', operationId: 'getAllOrders', method: 'GET', pathTemplate: '/v3/orders' },
    closed,
  );
  const list = node(
    node(
      node(
        node(node(node(node(node(node(orders.paths)['/v3/orders']).get).responses)['200']).content)['application/json'],
      ).schema,
    ).properties,
  );
  const gatewayError = node(node(node(node(list.list).properties).errors).items);
  return {
    type: 'object',
    required: ['errors'],
    additionalProperties: false,
    properties: {
      errors: {
        type: 'object',
        required: ['error'],
        additionalProperties: false,
        properties: { error: { type: 'array', minItems: 1, items: gatewayError } },
      },
    },
  };
}

/** Amazon's error envelope where an operation declares none for a status: the model's ErrorList, else its shape. */
function amazonErrorSchema(doc: Node): Node {
  if (isNode(node(doc.definitions).ErrorList)) return { $ref: '#/definitions/ErrorList' };
  const error = {
    type: 'object',
    required: ['code', 'message'],
    properties: { code: { type: 'string' }, message: { type: 'string' }, details: { type: 'string' } },
  };
  return { type: 'object', required: ['errors'], properties: { errors: { type: 'array', items: error } } };
}

/**
 * Where a model contradicts its own examples and the channel's behaviour, the correction is made here, openly.
 * Walmart's 2026 getAnOrder schema describes a bare order with a date-time `orderDate` and without the
 * `orderType` / `originalCustomerOrderID` its own ATTRIBUTES example carries, while its examples, the 2023 samples
 * and every client show `{ "order": … }` with epoch milliseconds. getAnOrder answers the order the list answers,
 * so it is checked as `{ order }` with each property the list's order schema defines taken from there.
 */
function correctedResponse(op: ContractOperation, doc: Node, schema: Node): Node {
  if (op.api !== 'walmart' || op.operationId !== 'getAnOrder') return schema;
  const list = node(
    node(
      node(node(node(node(node(node(node(doc.paths)['/v3/orders']).get).responses)['200']).content)['application/json'])
        .schema,
    ).properties,
  );
  const listed = node(
    node(node(node(node(node(node(list.list).properties).elements).properties).order).items).properties,
  );
  return {
    type: 'object',
    required: ['order'],
    additionalProperties: false,
    properties: { order: { ...schema, properties: { ...node(schema.properties), ...listed } } },
  };
}

function pathOf(instancePath: string): string {
  return instancePath
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((acc, p) => (/^\d+$/.test(p) ? `${acc}[${p}]` : acc ? `${acc}.${p}` : p), '');
}

const shown = (v: unknown) => (v === undefined ? '' : ` (got ${JSON.stringify(v)?.slice(0, 80)})`);
const join = (prefix: string, field: string) => (prefix && field ? `${prefix}.${field}` : prefix || field);

export function toViolations(errors: ErrorObject[] | null | undefined, prefix = ''): ContractViolation[] {
  const out = new Map<string, ContractViolation>();
  for (const e of errors ?? []) {
    let field = pathOf(e.instancePath);
    let message: string;
    if (e.keyword === 'required') {
      field = join(field, String((e.params as { missingProperty: string }).missingProperty));
      message = 'is required by the model';
    } else if (e.keyword === 'additionalProperties') {
      field = join(field, String((e.params as { additionalProperty: string }).additionalProperty));
      message = 'is not a field of the model';
    } else if (e.keyword === 'enum') {
      const allowed = (e.params as { allowedValues: unknown[] }).allowedValues;
      message = `must be one of ${allowed
        .slice(0, 15)
        .map((a) => JSON.stringify(a))
        .join(', ')}${allowed.length > 15 ? ', …' : ''}${shown(e.data)}`;
    } else {
      message = `${e.message ?? e.keyword}${isNode(e.data) || Array.isArray(e.data) ? '' : shown(e.data)}`;
    }
    const f = join(prefix, field) || '(body)';
    out.set(`${f}\u0000${message}`, { field: f, message });
  }
  return [...out.values()];
}

/**
 * Query parameters Walmart's own `nextCursor` carries (2023 orders model; the 2026 model no longer lists them), and
 * `offset` of the returns cursor (`?sellerId=151&limit=10&offset=10` in the returns model's example).
 */
const WALMART_CURSOR_PARAMS = ['hasMoreElements', 'soIndex', 'poIndex', 'partnerId', 'sellerId', 'offset'];
const SCHEMA_KEYS = [
  'type',
  'format',
  'enum',
  'items',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minLength',
  'maxLength',
  'pattern',
  'minItems',
  'maxItems',
  'uniqueItems',
  'multipleOf',
];

function parameterSchema(p: Parameter): Node {
  if (isNode(p.schema)) return p.schema;
  return Object.fromEntries(SCHEMA_KEYS.filter((k) => p[k] !== undefined).map((k) => [k, p[k]]));
}

/** A query string value in the type its schema asks for (arrays comma-separated or repeated). */
function coerce(schema: Node, value: string | string[]): unknown {
  const type = schema.type;
  if (type === 'array') {
    const parts = (Array.isArray(value) ? value : [value]).flatMap((v) => v.split(','));
    return parts.map((v) => coerce(node(schema.items), v));
  }
  const one = Array.isArray(value) ? value[value.length - 1] : value;
  if ((type === 'integer' || type === 'number') && /^-?\d+(\.\d+)?$/.test(one)) return Number(one);
  if (type === 'boolean' && (one === 'true' || one === 'false')) return one === 'true';
  return one;
}

function checkQuery(
  op: ContractOperation,
  parameters: Parameter[],
  query: Record<string, string | string[] | undefined>,
): ContractViolation[] {
  const declared = parameters.filter((p) => p.in === 'query');
  const violations: ContractViolation[] = [];
  const values: Node = {};
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined) continue;
    const p = declared.find((d) => d.name === name);
    if (!p) {
      if (!(op.api === 'walmart' && WALMART_CURSOR_PARAMS.includes(name)))
        violations.push({ field: `query.${name}`, message: `is not a parameter of ${op.operationId}` });
      continue;
    }
    values[name] = coerce(parameterSchema(p), value);
  }
  const v = compiled(`query:${op.api}:${op.model}:${op.method}:${op.pathTemplate}`, () => ({
    type: 'object',
    properties: Object.fromEntries(declared.map((p) => [p.name, parameterSchema(p)])),
    required: declared.filter((p) => p.required).map((p) => p.name),
  }));
  if (!v(values)) violations.push(...toViolations(v.errors, 'query'));
  return violations;
}

function requestBody(op: ContractOperation): { schema?: Node; required: boolean } {
  const doc = model(op, false);
  const { spec, parameters } = operationSpec(op, doc);
  const body = parameters.find((p) => p.in === 'body');
  if (body) return { schema: body.schema, required: body.required === true };
  const rb = node(spec.requestBody);
  return { schema: contentSchema(rb.content), required: rb.required === true };
}

/** Header parameters the model requires or restricts (names case-insensitive); Content-Type only matters with a body. */
function checkHeaders(
  op: ContractOperation,
  parameters: Parameter[],
  headers: Record<string, string | undefined>,
  hasBody: boolean,
): ContractViolation[] {
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  const violations: ContractViolation[] = [];
  for (const p of parameters.filter((x) => x.in === 'header')) {
    const value = lower[p.name.toLowerCase()];
    if (value === undefined) {
      if (p.required && (hasBody || p.name.toLowerCase() !== 'content-type'))
        violations.push({ field: `header.${p.name}`, message: `is required by ${op.operationId}` });
      continue;
    }
    const v = compiled(`header:${op.api}:${op.model}:${op.method}:${op.pathTemplate}:${p.name}`, () =>
      parameterSchema(p),
    );
    if (!v(coerce(parameterSchema(p), value))) violations.push(...toViolations(v.errors, `header.${p.name}`));
  }
  return violations;
}

/**
 * Request body (and query parameters and headers when given) against the model as written. A body is the parsed
 * JSON, or the fields of a form; query values are the raw strings (a repeated parameter as an array).
 */
export function checkRequest(
  op: ContractOperation,
  req: {
    body?: unknown;
    query?: Record<string, string | string[] | undefined>;
    headers?: Record<string, string | undefined>;
  },
): ContractViolation[] {
  const violations: ContractViolation[] = [];
  if (req.query) violations.push(...checkQuery(op, operationSpec(op).parameters, req.query));
  if (req.headers)
    violations.push(
      ...checkHeaders(op, operationSpec(op).parameters, req.headers, req.body !== undefined && req.body !== ''),
    );
  const { schema, required } = requestBody(op);
  if (req.body === undefined || req.body === '') {
    if (schema && required) violations.push({ field: '(body)', message: `${op.operationId} requires a request body` });
    return violations;
  }
  if (!schema) return [...violations, { field: '(body)', message: `${op.operationId} takes no request body` }];
  const v = compiled(`req:${op.api}:${op.model}:${op.method}:${op.pathTemplate}`, () =>
    inModel(schema, model(op, false)),
  );
  if (!v(req.body)) violations.push(...toViolations(v.errors));
  return violations;
}

function responseSchema(op: ContractOperation, status: number): { schema?: Node; declared: boolean } {
  const doc = model(op, true);
  const responses = node(operationSpec(op, doc).spec.responses);
  const declared = responses[String(status)] ?? responses.default;
  if (isNode(declared)) {
    const schema =
      op.api === 'walmart' ? contentSchema(declared.content) : isNode(declared.schema) ? declared.schema : undefined;
    return { schema: schema && status < 300 ? correctedResponse(op, doc, schema) : schema, declared: true };
  }
  if (status < 400) return { declared: false };
  return { schema: op.api === 'walmart' ? walmartErrorSchema(true) : amazonErrorSchema(doc), declared: true };
}

/** Response body for that status, every object that lists its properties closed; error statuses against the channel's envelope. */
export function checkResponse(op: ContractOperation, status: number, body: unknown): ContractViolation[] {
  const { schema, declared } = responseSchema(op, status);
  if (!declared) {
    const listed = Object.keys(node(operationSpec(op).spec.responses)).join(', ');
    return [{ field: '(status)', message: `${op.operationId} never answers ${status}; the model lists ${listed}` }];
  }
  if (!schema) {
    // Amazon's sandbox examples write an empty body as {}.
    const empty =
      body === undefined || body === null || body === '' || (isNode(body) && Object.keys(body).length === 0);
    return empty ? [] : [{ field: '(body)', message: `${op.operationId} answers ${status} with no body in the model` }];
  }
  const v = compiled(`res:${op.api}:${op.model}:${op.method}:${op.pathTemplate}:${status}`, () =>
    inModel(schema, model(op, true)),
  );
  return v(body) ? [] : toViolations(v.errors);
}
