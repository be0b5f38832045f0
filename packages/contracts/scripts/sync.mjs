#!/usr/bin/env node
/**
 * Regenerates packages/contracts/models and examples from the official models in ../shared/specs
 * (beside the checkout; SHARED_SPECS_DIR overrides it).
 *   node sync.mjs            write the committed copy (absent source: one line, exit 0)
 *   node sync.mjs --check    trim into a temporary folder and fail, naming the files, if the committed copy differs
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const REPO = resolve(PACKAGE, '../..');
const SOURCE = resolve(process.env.SHARED_SPECS_DIR ?? join(REPO, '..', 'shared', 'specs'));

/** The models the tests and the sandbox use: api → model id → file under the source folder. */
export const MODELS = {
  walmart: {
    orders: 'walmart/orders.openapi.json',
    auth: 'walmart/auth.openapi.json',
    returns: 'walmart/returns.openapi.json',
    notifications: 'walmart/notifications.openapi.json',
  },
  amazon: {
    'orders_2026-01-01': 'amazon/orders_2026-01-01.json',
    ordersV0: 'amazon/ordersV0.json',
    'fulfillmentOutbound_2020-07-01': 'amazon/fulfillmentOutbound_2020-07-01.json',
    'feeds_2021-06-30': 'amazon/feeds_2021-06-30.json',
    'tokens_2021-03-01': 'amazon/tokens_2021-03-01.json',
    'reports_2021-06-30': 'amazon/reports_2021-06-30.json',
    notifications: 'amazon/notifications.json',
    shippingV2: 'amazon/shippingV2.json',
  },
};

/**
 * JSON Schema documents of the files an API hands out (a report document, not an API call): api → name → file.
 * Trimmed like a model's schemas (no descriptions, no examples: the account health example is internally
 * inconsistent, see shared/docs/reference/amazon-detail.md 6.1).
 */
export const DOCUMENT_SCHEMAS = {
  amazon: {
    'accountHealthReport-2020-11-18': 'amazon/reports/accountHealthReport-2020-11-18.json',
    OrderChangeNotification: 'amazon/notifications/OrderChangeNotification.json',
    FulfillmentOrderStatusNotification: 'amazon/notifications/FulfillmentOrderStatusNotification.json',
  },
};

/** Walmart's samples (from the 2023 orders model) and the operation each one belongs to. */
const WALMART_SAMPLES = {
  'acknowledge_response_200.json': ['acknowledgeOrders', 'response', 200],
  'cancel_request.json': ['cancelOrderLines', 'request'],
  'cancel_response_200.json': ['cancelOrderLines', 'response', 200],
  'get_order_response_200_ATTRIBUTES.json': ['getAnOrder', 'response', 200],
  'get_order_response_200_ORDER.json': ['getAnOrder', 'response', 200],
  'list_orders_response_200.json': ['getAllOrders', 'response', 200],
  'list_released_response_200.json': ['getAllReleasedOrders', 'response', 200],
  'refund_request.json': ['refundOrderLines', 'request'],
  'refund_response_200.json': ['refundOrderLines', 'response', 200],
  'ship_request.json': ['shippingUpdates', 'request'],
  'ship_response_200.json': ['shippingUpdates', 'response', 200],
};

/**
 * EasyPost publishes no OpenAPI file: its example responses are the contract. Name → file under easypost/.
 * Copied whole (keys sorted); the sandbox's EasyPost answers are held to their keys and value types.
 */
export const EASYPOST_EXAMPLES = {
  'trackers-create': 'docs/responses/trackers/trackers-create.json',
  'trackers-retrieve': 'docs/responses/trackers/trackers-retrieve.json',
  'trackers-list': 'docs/responses/trackers/trackers-list.json',
  'webhooks-create': 'docs/responses/webhooks/webhooks-create.json',
  'webhooks-retrieve': 'docs/responses/webhooks/webhooks-retrieve.json',
  'webhooks-list': 'docs/responses/webhooks/webhooks-list.json',
  'events-retrieve': 'docs/responses/events/events-retrieve.json',
  'event-body': 'fixtures/event-body.json',
  'tracking-webhook': 'landing_pages/tracking_webhooks/tracking_webhook_response.json',
  'shipments-create': 'docs/responses/shipments/shipments-create.json',
  'shipments-retrieve': 'docs/responses/shipments/shipments-retrieve.json',
  'shipments-buy': 'docs/responses/shipments/shipments-buy.json',
  'shipments-label': 'docs/responses/shipments/shipments-label.json',
  'rates-retrieve': 'docs/responses/rates/rates-retrieve.json',
  'addresses-create': 'docs/responses/addresses/addresses-create.json',
  'addresses-verify-param': 'docs/responses/addresses/addresses-verify-param.json',
  'addresses-verify': 'docs/responses/addresses/addresses-verify.json',
  'addresses-verify-strict-param': 'docs/responses/addresses/addresses-verify-strict-param.json',
};

const METHODS = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options']);
/** Documentation only: validation never reads these. */
const DOCS = new Set([
  'description',
  'summary',
  'title',
  'example',
  'examples',
  'externalDocs',
  'xml',
  'tags',
  'contact',
  'license',
  'termsOfService',
]);
/** Keywords whose value is a map of names to schemas (the names are data, never keywords). */
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', 'definitions']);
/** Media types the hub and the sandbox exchange; the XML variants repeat the JSON schemas. */
const MEDIA = new Set(['application/json', 'application/x-www-form-urlencoded']);

function sortKeys(value) {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((k) => [k, sortKeys(value[k])]),
  );
}

/**
 * The notification schemas give every subschema an `$id` under one placeholder base (http://example.com/example.json),
 * which a validator reads as the same schema defined twice; nothing refers to them, so they go.
 */
function withoutIds(node) {
  if (Array.isArray(node)) return node.map(withoutIds);
  if (!node || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([k]) => k !== '$id')
      .map(([k, v]) => [k, withoutIds(v)]),
  );
}

function trimSchema(node) {
  if (Array.isArray(node)) return node.map(trimSchema);
  if (!node || typeof node !== 'object') return node;
  const out = {};
  for (const [k, v] of Object.entries(node)) {
    if (DOCS.has(k) || k.startsWith('x-')) continue;
    if (SCHEMA_MAPS.has(k) && v && typeof v === 'object' && !Array.isArray(v))
      out[k] = Object.fromEntries(Object.entries(v).map(([n, s]) => [n, trimSchema(s)]));
    else if (k === 'enum' || k === 'default' || k === 'required' || k === 'const') out[k] = v;
    else out[k] = trimSchema(v);
  }
  return out;
}

function trimParameter(p) {
  return trimSchema(p);
}

function trimContent(content) {
  const out = {};
  for (const [media, body] of Object.entries(content ?? {})) {
    if (MEDIA.has(media)) out[media] = body.schema ? { schema: trimSchema(body.schema) } : {};
  }
  return out;
}

function trimResponse(r) {
  const out = {};
  if (r.$ref) out.$ref = r.$ref;
  if (r.schema) out.schema = trimSchema(r.schema);
  if (r.content) out.content = trimContent(r.content);
  if (r.headers) out.headers = Object.fromEntries(Object.entries(r.headers).map(([n, h]) => [n, trimSchema(h)]));
  return out;
}

/** Amazon's usage plan lives in a Markdown table in the operation's description: `| Rate (requests per second) | Burst |`. */
function rateLimit(op) {
  const m = /\|\s*([\d.]+)\s*\|\s*(\d+)\s*\|/.exec(op.description ?? '');
  return m ? { burst: Number(m[2]), rate: Number(m[1]) } : undefined;
}

function trimOperation(api, op) {
  const out = { operationId: op.operationId };
  for (const k of ['consumes', 'produces', 'deprecated', 'security']) if (op[k] !== undefined) out[k] = op[k];
  if (op.parameters) out.parameters = op.parameters.map(trimParameter);
  if (op.requestBody)
    out.requestBody = {
      ...(op.requestBody.required !== undefined ? { required: op.requestBody.required } : {}),
      content: trimContent(op.requestBody.content),
    };
  out.responses = Object.fromEntries(Object.entries(op.responses ?? {}).map(([s, r]) => [s, trimResponse(r)]));
  if (api === 'amazon') {
    const limit = rateLimit(op);
    if (limit) out['x-order-hub-rate-limit'] = limit;
  }
  return out;
}

function trimModel(api, spec, file) {
  const out = { 'x-order-hub-source': file };
  for (const k of ['swagger', 'openapi', 'consumes', 'produces', 'basePath'])
    if (spec[k] !== undefined) out[k] = spec[k];
  out.info = { title: spec.info?.title, version: spec.info?.version };
  out.paths = {};
  for (const [p, item] of Object.entries(spec.paths)) {
    const trimmed = {};
    for (const [k, v] of Object.entries(item)) {
      if (k === 'parameters') trimmed.parameters = v.map(trimParameter);
      else if (METHODS.has(k)) trimmed[k] = trimOperation(api, v);
    }
    out.paths[p] = trimmed;
  }
  if (spec.definitions) out.definitions = trimSchema({ definitions: spec.definitions }).definitions;
  if (spec.parameters)
    out.parameters = Object.fromEntries(Object.entries(spec.parameters).map(([n, p]) => [n, trimParameter(p)]));
  if (spec.components) {
    out.components = {};
    if (spec.components.schemas)
      out.components.schemas = trimSchema({ definitions: spec.components.schemas }).definitions;
    if (spec.components.parameters)
      out.components.parameters = Object.fromEntries(
        Object.entries(spec.components.parameters).map(([n, p]) => [n, trimParameter(p)]),
      );
    if (spec.components.requestBodies)
      out.components.requestBodies = Object.fromEntries(
        Object.entries(spec.components.requestBodies).map(([n, b]) => [n, { content: trimContent(b.content) }]),
      );
    if (spec.components.responses)
      out.components.responses = Object.fromEntries(
        Object.entries(spec.components.responses).map(([n, r]) => [n, trimResponse(r)]),
      );
  }
  return out;
}

const isMediaMap = (o) => Object.keys(o).length > 0 && Object.keys(o).every((k) => k.includes('/'));

/** Every request and response body example an operation carries, in the order the model lists them. */
function operationExamples(api, file, p, method, op, pathParameters) {
  const found = [];
  const at = `${file}#${method.toUpperCase()} ${p}`;
  const add = (kind, status, name, body, parameters) =>
    found.push({
      operationId: op.operationId,
      kind,
      ...(status !== undefined ? { status } : {}),
      name,
      source: at,
      ...(parameters && Object.keys(parameters).length ? { parameters } : {}),
      body,
    });
  const fromContent = (kind, status, content) => {
    for (const [media, c] of Object.entries(content ?? {})) {
      if (!MEDIA.has(media)) continue;
      if (c.example !== undefined) add(kind, status, `${media} example`, c.example);
      for (const [name, e] of Object.entries(c.examples ?? {})) add(kind, status, `${media} examples.${name}`, e.value);
    }
  };
  if (api === 'walmart') {
    fromContent('request', undefined, op.requestBody?.content);
    for (const [s, r] of Object.entries(op.responses ?? {})) fromContent('response', Number(s), r.content);
    return found;
  }
  const bodyName = [...(pathParameters ?? []), ...(op.parameters ?? [])].find((x) => x.in === 'body')?.name ?? 'body';
  for (const [s, r] of Object.entries(op.responses ?? {})) {
    const status = Number(s);
    if (r.examples && typeof r.examples === 'object') {
      if (isMediaMap(r.examples))
        for (const [media, body] of Object.entries(r.examples)) add('response', status, `examples.${media}`, body);
      else add('response', status, 'examples', r.examples);
    }
    for (const mode of ['static', 'dynamic']) {
      (r['x-amzn-api-sandbox']?.[mode] ?? []).forEach((ex, i) => {
        const params = Object.fromEntries(Object.entries(ex.request?.parameters ?? {}).map(([n, v]) => [n, v?.value]));
        // Amazon's sandbox examples name the body `body` whatever the body parameter is called.
        const key = 'body' in params ? 'body' : bodyName;
        const { [key]: body, ...others } = params;
        const name = `x-amzn-api-sandbox.${mode}[${i}]`;
        if (body !== undefined) add('request', undefined, `${name} (for ${s})`, body, others);
        if (ex.response !== undefined) add('response', status, name, ex.response, params);
      });
    }
  }
  return found;
}

function modelExamples(api, spec, file) {
  const out = [];
  for (const [p, item] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(item))
      if (METHODS.has(method)) out.push(...operationExamples(api, file, p, method, op, item.parameters));
  }
  return out;
}

const json = (value) => `${JSON.stringify(sortKeys(value), null, 2)}\n`;

/** path relative to the package → file content. */
export function generate(source = SOURCE) {
  const files = new Map();
  const read = (rel) => JSON.parse(readFileSync(join(source, rel), 'utf8'));
  for (const [api, models] of Object.entries(MODELS)) {
    for (const [model, file] of Object.entries(models)) {
      const spec = read(file);
      files.set(`models/${api}/${model}.json`, json(trimModel(api, spec, file)));
      const examples = modelExamples(api, spec, file);
      if (api === 'walmart' && model === 'orders') {
        const dir = join(source, 'walmart', 'samples');
        for (const name of readdirSync(dir).sort()) {
          const known = WALMART_SAMPLES[name];
          if (!known) throw new Error(`walmart/samples/${name}: unknown sample; name its operation in WALMART_SAMPLES`);
          const [operationId, kind, status] = known;
          examples.push({
            operationId,
            kind,
            ...(status ? { status } : {}),
            name: `samples/${name}`,
            source: `walmart/samples/${name}`,
            body: read(`walmart/samples/${name}`),
          });
        }
      }
      if (examples.length) files.set(`examples/${api}/${model}.json`, json(examples));
    }
  }
  for (const [api, schemas] of Object.entries(DOCUMENT_SCHEMAS)) {
    for (const [name, file] of Object.entries(schemas)) {
      const { $schema, ...schema } = read(file);
      files.set(
        `schemas/${api}/${name}.json`,
        json({ 'x-order-hub-source': file, $schema, ...trimSchema(withoutIds(schema)) }),
      );
    }
  }
  // A source without easypost/ trims nothing for it, and --check then names the committed copy as drift.
  if (existsSync(join(source, 'easypost'))) {
    const examples = Object.entries(EASYPOST_EXAMPLES).map(([name, file]) => ({
      name,
      source: `easypost/${file}`,
      body: read(`easypost/${file}`),
    }));
    files.set('examples/easypost/examples.json', json(examples));
  }
  return files;
}

function write(root, files) {
  for (const dir of ['models', 'examples', 'schemas']) rmSync(join(root, dir), { recursive: true, force: true });
  for (const [rel, content] of files) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), content);
  }
}

function listFiles(root, dir) {
  const base = join(root, dir);
  if (!existsSync(base)) return [];
  return readdirSync(base, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => relative(root, join(d.parentPath ?? d.path, d.name)));
}

function main() {
  const check = process.argv.includes('--check');
  if (!existsSync(SOURCE)) {
    if (check) {
      console.error(
        `contracts:check: the official models are not at ${SOURCE} (set SHARED_SPECS_DIR); cannot compare the committed copy`,
      );
      process.exit(1);
    }
    console.log(
      `contracts:sync: no official models at ${SOURCE}; the committed copy in packages/contracts stays as it is`,
    );
    return;
  }
  const files = generate();
  if (!check) {
    write(PACKAGE, files);
    console.log(`contracts:sync: wrote ${files.size} files from ${SOURCE}`);
    return;
  }
  const tmp = mkdtempSync(join(tmpdir(), 'order-hub-contracts-'));
  try {
    write(tmp, files);
    const names = new Set([
      ...listFiles(tmp, 'models'),
      ...listFiles(tmp, 'examples'),
      ...listFiles(tmp, 'schemas'),
      ...listFiles(PACKAGE, 'models'),
      ...listFiles(PACKAGE, 'examples'),
      ...listFiles(PACKAGE, 'schemas'),
    ]);
    const differing = [...names].sort().filter((rel) => {
      const a = join(tmp, rel);
      const b = join(PACKAGE, rel);
      return !existsSync(a) || !existsSync(b) || readFileSync(a, 'utf8') !== readFileSync(b, 'utf8');
    });
    if (differing.length) {
      console.error(
        `contracts:check: the committed models differ from a fresh trim of ${SOURCE}; run npm run contracts:sync and commit:\n${differing.map((f) => `  packages/contracts/${f}`).join('\n')}`,
      );
      process.exit(1);
    }
    console.log(`contracts:check: ${files.size} files match ${SOURCE}`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
