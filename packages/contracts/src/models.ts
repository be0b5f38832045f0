import { readFileSync } from 'node:fs';
import path from 'node:path';

export type ContractApi = 'walmart' | 'amazon';
/** A JSON object read from a model: its shape is the model's, checked where it is used. */
export type Node = Record<string, unknown>;

/** The committed models (see README.md for their sources); `scripts/sync.mjs` lists the same files. */
export const MODELS: Record<ContractApi, readonly string[]> = {
  walmart: ['orders', 'auth', 'returns', 'notifications'],
  amazon: [
    'orders_2026-01-01',
    'ordersV0',
    'fulfillmentOutbound_2020-07-01',
    'feeds_2021-06-30',
    'tokens_2021-03-01',
    'reports_2021-06-30',
    'notifications',
    'shippingV2',
  ],
};

const ROOT = path.resolve(__dirname, '..');

export const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);
export const node = (v: unknown): Node => (isNode(v) ? v : {});

function readJson(relative: string): unknown {
  return JSON.parse(readFileSync(path.join(ROOT, relative), 'utf8')) as unknown;
}

const models = new Map<string, Node>();
/** A committed model as the sync script trimmed it (paths, parameters, schemas, enums; no prose, no examples). */
export function loadModel(api: ContractApi, model: string): Node {
  if (!MODELS[api].includes(model)) throw new Error(`no ${api} model named ${model}; known: ${MODELS[api].join(', ')}`);
  const key = `${api}/${model}`;
  let doc = models.get(key);
  if (!doc) {
    doc = node(readJson(`models/${key}.json`));
    models.set(key, doc);
  }
  return doc;
}

/**
 * The models rarely forbid extra fields; closing every object that lists its properties makes a field the
 * sender invented (or misspelled) a violation.
 */
export function closeObjects(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(closeObjects);
  if (!isNode(value)) return value;
  const out: Node = {};
  for (const [k, v] of Object.entries(value)) out[k] = k === 'enum' || k === 'default' ? v : closeObjects(v);
  if (out.properties && out.additionalProperties === undefined && !out.$ref) out.additionalProperties = false;
  return out;
}

/** Official examples (Walmart samples and the examples in the Walmart models; Amazon `x-amzn-api-sandbox` and `examples`). */
export interface OfficialExample {
  api: ContractApi;
  model: string;
  operationId: string;
  kind: 'request' | 'response';
  status?: number;
  name: string;
  /** The file (and operation) of the official models it was taken from. */
  source: string;
  /** The other request parameters Amazon's sandbox example pairs with it (path and query values). */
  parameters?: Record<string, unknown>;
  body: unknown;
}

let examples: OfficialExample[] | undefined;
export function officialExamples(
  filter: Partial<Pick<OfficialExample, 'api' | 'model' | 'operationId' | 'kind'>> = {},
): OfficialExample[] {
  examples ??= (Object.keys(MODELS) as ContractApi[]).flatMap((api) =>
    MODELS[api].flatMap((model) => {
      let list: unknown;
      try {
        list = readJson(`examples/${api}/${model}.json`);
      } catch {
        return [];
      }
      return (list as Omit<OfficialExample, 'api' | 'model'>[]).map((e) => ({ api, model, ...e }));
    }),
  );
  return examples.filter((e) =>
    (Object.keys(filter) as (keyof typeof filter)[]).every((k) => filter[k] === undefined || e[k] === filter[k]),
  );
}
