import { type ContractApi, MODELS, type Node, isNode, loadModel, node } from './models';

export interface ContractOperation {
  api: ContractApi;
  model: string;
  operationId: string;
  method: string;
  pathTemplate: string;
}

export interface Parameter {
  name: string;
  in: 'query' | 'header' | 'path' | 'body' | 'formData' | 'cookie';
  required?: boolean;
  schema?: Node;
  [keyword: string]: unknown;
}

interface Entry {
  op: ContractOperation;
  pattern: RegExp;
  /** Path parameters in the template: fewer means more specific (`/v3/orders/released` before `/v3/orders/{id}`). */
  variables: number;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];
const entries = new Map<ContractApi, Entry[]>();

function index(api: ContractApi): Entry[] {
  let list = entries.get(api);
  if (list) return list;
  list = [];
  for (const model of MODELS[api]) {
    for (const [pathTemplate, item] of Object.entries(node(loadModel(api, model).paths))) {
      for (const method of METHODS) {
        const op = node(node(item)[method]);
        if (typeof op.operationId !== 'string') continue;
        const variables = (pathTemplate.match(/\{[^}]+\}/g) ?? []).length;
        const escaped = pathTemplate.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[^}]+\\?\}/g, '([^/]+)');
        list.push({
          op: { api, model, operationId: op.operationId, method: method.toUpperCase(), pathTemplate },
          pattern: new RegExp(`^${escaped}$`),
          variables,
        });
      }
    }
  }
  list.sort((a, b) => a.variables - b.variables);
  entries.set(api, list);
  return list;
}

/** The operation of a channel's own path (no sandbox prefix; a query string is ignored). */
export function findOperation(api: ContractApi, method: string, path: string): ContractOperation | undefined {
  const bare = path.split('?')[0].replace(/(.)\/+$/, '$1');
  const m = method.toUpperCase();
  return index(api).find((e) => e.op.method === m && e.pattern.test(bare))?.op;
}

/** Every operation the committed models define for a channel. */
export function operations(api: ContractApi): ContractOperation[] {
  return index(api).map((e) => e.op);
}

export function operationSpec(
  op: ContractOperation,
  doc: Node = loadModel(op.api, op.model),
): { spec: Node; parameters: Parameter[] } {
  const item = node(node(doc.paths)[op.pathTemplate]);
  const spec = node(item[op.method.toLowerCase()]);
  const resolve = (p: unknown): Parameter => {
    const ref = isNode(p) && typeof p.$ref === 'string' ? p.$ref : undefined;
    if (!ref) return p as Parameter;
    const target = ref
      .replace(/^#\//, '')
      .split('/')
      .reduce<unknown>((n, part) => node(n)[part], doc);
    if (!isNode(target)) throw new Error(`${op.api}/${op.model}: parameter ${ref} is not in the model`);
    return target as Parameter;
  };
  const list = (v: unknown) => (Array.isArray(v) ? v.map(resolve) : []);
  const own = list(spec.parameters);
  // Operation parameters override the path's parameters of the same name and place.
  const inherited = list(item.parameters).filter((p) => !own.some((o) => o.name === p.name && o.in === p.in));
  return { spec, parameters: [...inherited, ...own] };
}
