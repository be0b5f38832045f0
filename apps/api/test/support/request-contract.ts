import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { readSharedSpec } from './shared-specs';

export interface RecordedRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body: string | null;
}

/** Records every request this process sends with fetch (the adapters' HTTP), passing it on unchanged. */
export function recordRequests(): { requests: RecordedRequest[]; restore(): void } {
  const original = globalThis.fetch;
  const requests: RecordedRequest[] = [];
  globalThis.fetch = (input, init) => {
    const headers = Object.fromEntries(Object.entries((init?.headers ?? {}) as Record<string, string>).map(([k, v]) => [k.toLowerCase(), v]));
    requests.push({ method: (init?.method ?? 'GET').toUpperCase(), url: new URL(input instanceof Request ? input.url : input.toString()), headers, body: typeof init?.body === 'string' ? init.body : null });
    return original(input, init);
  };
  return { requests, restore: () => (globalThis.fetch = original) };
}

interface Parameter {
  name: string;
  in: 'query' | 'header' | 'path' | 'body' | 'formData';
  required?: boolean;
  schema?: object;
  type?: string;
  enum?: unknown[];
  items?: { type?: string; enum?: unknown[] };
}

interface Operation {
  template: string;
  method: string;
  parameters: Parameter[];
  body?: ValidateFunction;
  /** Query parameters the channel itself puts in its page cursors; allowed although the model does not list them. */
  cursorParams?: string[];
}

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
// OpenAPI's numeric formats carry no constraint a JSON value could break here.
for (const f of ['int32', 'int64', 'float', 'double']) ajv.addFormat(f, true);

/** Walmart's `nextCursor` carries these (2023 model); the 2026 model no longer lists them. */
const WALMART_CURSOR_PARAMS = ['hasMoreElements', 'soIndex', 'poIndex', 'partnerId', 'sellerId'];

function walmartOperations(): Operation[] {
  const spec = readSharedSpec<any>('walmart', 'orders.openapi.json');
  const auth = readSharedSpec<any>('walmart', 'auth.openapi.json');
  const resolve = (p: any) => (p.$ref ? spec.components.parameters[p.$ref.split('/').pop()] : p);
  const ops: Operation[] = [];
  for (const [template, methods] of Object.entries<any>(spec.paths)) {
    for (const [method, op] of Object.entries<any>(methods)) {
      const schema = op.requestBody?.content?.['application/json']?.schema;
      ops.push({
        template: `/walmart${template}`,
        method: method.toUpperCase(),
        parameters: (op.parameters ?? []).map(resolve),
        body: schema ? ajv.compile(schema) : undefined,
        cursorParams: WALMART_CURSOR_PARAMS,
      });
    }
  }
  const token = auth.paths['/v3/token'].post;
  ops.push({
    template: '/walmart/v3/token',
    method: 'POST',
    parameters: token.parameters,
    body: ajv.compile(token.requestBody.content['application/x-www-form-urlencoded'].schema),
  });
  return ops;
}

function amazonOperations(): Operation[] {
  const ops: Operation[] = [];
  for (const file of ['orders_2026-01-01.json', 'ordersV0.json', 'fulfillmentOutbound_2020-07-01.json', 'feeds_2021-06-30.json']) {
    const spec = readSharedSpec<any>('amazon', file);
    const local = new Ajv({ strict: false, allErrors: true });
    addFormats(local);
    for (const f of ['int32', 'int64', 'float', 'double']) local.addFormat(f, true);
    local.addSchema({ $id: 'model', definitions: spec.definitions });
    for (const [template, methods] of Object.entries<any>(spec.paths)) {
      for (const [method, op] of Object.entries<any>(methods)) {
        if (method === 'parameters') continue;
        const params: Parameter[] = [...(methods.parameters ?? []), ...(op.parameters ?? [])];
        const bodyParam = params.find((p) => p.in === 'body');
        ops.push({
          template: `/amazon${template}`,
          method: method.toUpperCase(),
          parameters: params,
          body: bodyParam?.schema ? local.compile({ ...(bodyParam.schema), definitions: spec.definitions }) : undefined,
        });
      }
    }
  }
  return ops;
}

let cached: Operation[] | null = null;
const operations = () => (cached ??= [...walmartOperations(), ...amazonOperations()]);

function match(req: RecordedRequest): { op: Operation; path: Record<string, string> } | null {
  for (const op of operations()) {
    if (op.method !== req.method) continue;
    const names: string[] = [];
    const pattern = new RegExp(`^${op.template.replace(/\{(\w+)\}/g, (_m, n: string) => (names.push(n), '([^/]+)'))}$`);
    const m = pattern.exec(req.url.pathname);
    if (m) return { op, path: Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(m[i + 1])])) };
  }
  return null;
}

function checkValue(p: Parameter, value: string): string | null {
  const schema: any = p.schema ?? { type: p.type, enum: p.enum, items: p.items };
  if (schema.type === 'array') {
    const items = value.split(',');
    const bad = items.filter((i) => schema.items?.enum && !schema.items.enum.includes(i));
    return bad.length ? `${p.name}: ${bad.join(', ')} not in ${JSON.stringify(schema.items.enum)}` : null;
  }
  if (schema.enum && !schema.enum.includes(value)) return `${p.name}: "${value}" not in ${JSON.stringify(schema.enum)}`;
  if (schema.type === 'integer' && !/^-?\d+$/.test(value)) return `${p.name}: "${value}" is not an integer`;
  if (schema.minimum !== undefined && Number(value) < schema.minimum) return `${p.name}: ${value} below ${schema.minimum}`;
  if (schema.maximum !== undefined && Number(value) > schema.maximum) return `${p.name}: ${value} above ${schema.maximum}`;
  return null;
}

/** What in a request the official model does not allow: unknown operation, missing or unknown parameters, bad values, a bad body. */
export function contractViolations(req: RecordedRequest): string[] {
  const found = match(req);
  if (!found) return [`${req.method} ${req.url.pathname}: no such operation in the models`];
  const { op } = found;
  const problems: string[] = [];
  const query = req.url.searchParams;
  for (const p of op.parameters) {
    const value = p.in === 'query' ? query.get(p.name) : p.in === 'header' ? req.headers[p.name.toLowerCase()] : p.in === 'path' ? found.path[p.name] : undefined;
    if (p.in === 'body' || p.in === 'formData') continue;
    // Content-Type of a body-less request and Authorization of the token call are checked by the body and by the sandbox.
    if (value === undefined || value === null) {
      if (p.required && !(p.in === 'header' && p.name.toLowerCase() === 'content-type' && req.body === null)) problems.push(`missing required ${p.in} parameter ${p.name}`);
      continue;
    }
    const bad = checkValue(p, value);
    if (bad) problems.push(bad);
  }
  const known = new Set(op.parameters.filter((p) => p.in === 'query').map((p) => p.name));
  for (const name of query.keys()) if (!known.has(name) && !op.cursorParams?.includes(name)) problems.push(`unknown query parameter ${name}`);
  if (op.body) {
    const form = req.headers['content-type']?.startsWith('application/x-www-form-urlencoded');
    const body = req.body === null ? undefined : form ? Object.fromEntries(new URLSearchParams(req.body)) : (JSON.parse(req.body) as unknown);
    if (body !== undefined && !op.body(body)) problems.push(`body: ${ajv.errorsText(op.body.errors)}`);
  }
  return problems.map((p) => `${req.method} ${req.url.pathname}: ${p}`);
}
