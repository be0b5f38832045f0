import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/** The official models live outside the repo (CI always has them); a missing folder fails the suite, never skips it. */
export const SPECS_DIR = path.resolve(__dirname, '../..', '../../../shared/specs');

function load(relative: string): any {
  const file = path.join(SPECS_DIR, relative);
  if (!existsSync(file)) {
    throw new Error(`Official API model ${file} is missing: the contract tests need ../../../shared/specs (relative to apps/sandbox) with the Walmart and Amazon models.`);
  }
  return JSON.parse(readFileSync(file, 'utf8'));
}

/**
 * The models rarely forbid extra fields; closing every object that lists its properties makes a field the
 * sandbox invented (or misspelled) a violation, which is the point of a contract test.
 */
function closeObjects(node: any): any {
  if (Array.isArray(node)) return node.map(closeObjects);
  if (!node || typeof node !== 'object') return node;
  const out: any = {};
  for (const [k, v] of Object.entries(node)) out[k] = k === 'example' || k === 'examples' ? v : closeObjects(v);
  if (out.properties && out.additionalProperties === undefined && !out.$ref) out.additionalProperties = false;
  return out;
}

const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
addFormats(ajv);

const WALMART_ORDERS = closeObjects(load('walmart/orders.openapi.json'));
const WALMART_AUTH = closeObjects(load('walmart/auth.openapi.json'));
const AMAZON = {
  orders: 'orders_2026-01-01.json',
  ordersV0: 'ordersV0.json',
  mcf: 'fulfillmentOutbound_2020-07-01.json',
  feeds: 'feeds_2021-06-30.json',
  tokens: 'tokens_2021-03-01.json',
} as const;
for (const [id, file] of Object.entries(AMAZON)) ajv.addSchema({ $id: id, definitions: closeObjects(load(`amazon/${file}`).definitions) });

const cache = new Map<string, ValidateFunction>();
function compile(key: string, schema: () => object): ValidateFunction {
  let v = cache.get(key);
  if (!v) {
    v = ajv.compile(schema());
    cache.set(key, v);
  }
  return v;
}

function wmOp(p: string, method: string): any {
  const op = WALMART_ORDERS.paths[p]?.[method];
  if (!op) throw new Error(`Walmart orders model has no ${method.toUpperCase()} ${p}`);
  return op;
}

export const walmartSchemas = {
  response: (p: string, method: string) => compile(`wm:res:${method}:${p}`, () => wmOp(p, method).responses['200'].content['application/json'].schema),
  /**
   * The 2026 model's schema for getAnOrder describes the bare order, while the same operation's examples (and
   * Walmart's 2023 samples, and every client) show it wrapped as `{ "order": … }`; the sandbox sends the wrapped
   * form, so the model's order schema is checked inside the wrapper. That schema also types `orderDate` as a
   * date-time string, against its own examples and every other order schema in the model (epoch milliseconds);
   * only that property takes the list schema's definition.
   */
  getOrder: () =>
    compile('wm:res:get:one', () => {
      const order = wmOp('/v3/orders/{purchaseOrderId}', 'get').responses['200'].content['application/json'].schema;
      const listed = wmOp('/v3/orders', 'get').responses['200'].content['application/json'].schema.properties.list.properties.elements.properties.order.items;
      return {
        type: 'object',
        required: ['order'],
        additionalProperties: false,
        properties: { order: { ...order, properties: { ...order.properties, orderDate: listed.properties.orderDate } } },
      };
    }),
  request: (p: string, method: string) => compile(`wm:req:${method}:${p}`, () => wmOp(p, method).requestBody.content['application/json'].schema),
  token: () => compile('wm:token', () => WALMART_AUTH.paths['/v3/token'].post.responses['200'].content['application/json'].schema),
  tokenRequest: () => compile('wm:token:req', () => WALMART_AUTH.paths['/v3/token'].post.requestBody.content['application/x-www-form-urlencoded'].schema),
  /** Walmart's error envelope `{ errors: { error: [GatewayError] } }`, with GatewayError from the orders model. */
  error: () =>
    compile('wm:error', () => ({
      type: 'object',
      required: ['errors'],
      additionalProperties: false,
      properties: {
        errors: {
          type: 'object',
          required: ['error'],
          additionalProperties: false,
          properties: { error: { type: 'array', minItems: 1, items: wmOp('/v3/orders', 'get').responses['200'].content['application/json'].schema.properties.list.properties.errors.items } },
        },
      },
    })),
};

export const amazonSchema = (model: keyof typeof AMAZON, definition: string) =>
  compile(`amz:${model}:${definition}`, () => ({ $ref: `${model}#/definitions/${definition}` }));

export function assertValid(validate: ValidateFunction, data: unknown, what: string): void {
  if (!validate(data)) {
    throw new Error(`${what} violates the official model: ${ajv.errorsText(validate.errors, { separator: '\n  ' })}\n${JSON.stringify(data).slice(0, 1500)}`);
  }
}
