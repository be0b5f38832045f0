import type { ValidateFunction } from 'ajv';
import { newAjv, walmartErrorSchema } from './check';
import { type Node, closeObjects, loadModel, node } from './models';

/**
 * Schema-level validators the sandbox's tests used before operations were matched by path: every object that
 * lists its properties is closed, requests included.
 */
const ajv = newAjv();
const cache = new Map<string, ValidateFunction>();
function compile(key: string, schema: () => object): ValidateFunction {
  let v = cache.get(key);
  if (!v) {
    v = ajv.compile(schema());
    cache.set(key, v);
  }
  return v;
}

const closed = new Map<string, Node>();
function doc(api: 'walmart' | 'amazon', model: string): Node {
  const key = `${api}/${model}`;
  let d = closed.get(key);
  if (!d) {
    d = node(closeObjects(loadModel(api, model)));
    closed.set(key, d);
  }
  return d;
}

function wmOp(p: string, method: string): Node {
  const op = node(node(node(doc('walmart', 'orders').paths)[p])[method]);
  if (!op.operationId) throw new Error(`Walmart orders model has no ${method.toUpperCase()} ${p}`);
  return op;
}
const jsonSchema = (response: unknown): Node => node(node(node(node(response).content)['application/json']).schema);
const ok = (op: Node): Node => jsonSchema(node(op.responses)['200']);

export const walmartSchemas = {
  response: (p: string, method: string) => compile(`wm:res:${method}:${p}`, () => ok(wmOp(p, method))),
  /** getAnOrder as Walmart sends it: `{ "order": … }` with epoch-ms `orderDate` (see check.ts on the model's defect). */
  getOrder: () =>
    compile('wm:res:get:one', () => {
      const order = ok(wmOp('/v3/orders/{purchaseOrderId}', 'get'));
      const listed = node(
        node(
          node(
            node(node(node(node(node(ok(wmOp('/v3/orders', 'get')).properties).list).properties).elements).properties)
              .order,
          ).items,
        ).properties,
      );
      return {
        type: 'object',
        required: ['order'],
        additionalProperties: false,
        properties: { order: { ...order, properties: { ...node(order.properties), orderDate: listed.orderDate } } },
      };
    }),
  request: (p: string, method: string) =>
    compile(`wm:req:${method}:${p}`, () => jsonSchema(wmOp(p, method).requestBody)),
  token: () => compile('wm:token', () => ok(node(node(node(doc('walmart', 'auth').paths)['/v3/token']).post))),
  tokenRequest: () =>
    compile('wm:token:req', () =>
      node(
        node(
          node(node(node(node(node(doc('walmart', 'auth').paths)['/v3/token']).post).requestBody).content)[
            'application/x-www-form-urlencoded'
          ],
        ).schema,
      ),
    ),
  /** Walmart's error envelope `{ errors: { error: [GatewayError] } }`, with GatewayError from the orders model. */
  error: () => compile('wm:error', () => walmartErrorSchema(true)),
};

/** Short names the tests use for the Amazon models. */
const AMAZON = {
  orders: 'orders_2026-01-01',
  ordersV0: 'ordersV0',
  mcf: 'fulfillmentOutbound_2020-07-01',
  feeds: 'feeds_2021-06-30',
  tokens: 'tokens_2021-03-01',
} as const;
export type AmazonModelAlias = keyof typeof AMAZON;

/** A definition of an Amazon model, closed. */
export const amazonSchema = (model: AmazonModelAlias, definition: string): ValidateFunction =>
  compile(`amz:${model}:${definition}`, () => {
    const definitions = node(doc('amazon', AMAZON[model]).definitions);
    if (!definitions[definition]) throw new Error(`Amazon ${AMAZON[model]} model has no definition ${definition}`);
    return { $ref: `#/definitions/${definition}`, definitions };
  });

export function assertValid(validate: ValidateFunction, data: unknown, what: string): void {
  if (!validate(data)) {
    throw new Error(
      `${what} violates the official model: ${ajv.errorsText(validate.errors, { separator: '\n  ' })}\n${JSON.stringify(data).slice(0, 1500)}`,
    );
  }
}
