import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ValidateFunction } from 'ajv';
import { type ContractViolation, newAjv, toViolations } from './check';
import { type ContractApi, type Node, closeObjects, node } from './models';

/** JSON Schema documents of files an API hands out (a report's document), committed under `schemas/`. */
export const DOCUMENT_SCHEMAS: Record<ContractApi, readonly string[]> = {
  walmart: [],
  amazon: ['accountHealthReport-2020-11-18', 'OrderChangeNotification', 'FulfillmentOrderStatusNotification'],
};

const ROOT = path.resolve(__dirname, '..');

export function loadDocumentSchema(api: ContractApi, name: string): Node {
  if (!DOCUMENT_SCHEMAS[api].includes(name))
    throw new Error(`no ${api} document schema named ${name}; known: ${DOCUMENT_SCHEMAS[api].join(', ') || 'none'}`);
  return node(JSON.parse(readFileSync(path.join(ROOT, 'schemas', api, `${name}.json`), 'utf8')));
}

/**
 * Corrections made in code, not in the committed schema. Amazon's account health schema requires two fields it
 * does not list, so with objects closed no document could pass: `accountHealthRating.ahrStatus` (listed as
 * `accountHealthRatingStatus`; its example sends `ahrStatus`), accepted with the same enum beside it, and
 * `OrderDefectRate.fulfillmentType` (its example: "mfn"), accepted as a string.
 */
function corrected(api: ContractApi, name: string, schema: Node): Node {
  if (api !== 'amazon' || name !== 'accountHealthReport-2020-11-18') return schema;
  const copy = structuredClone<Node>(schema);
  const metrics = node(node(node(copy.properties).performanceMetrics).items);
  const rating = node(node(metrics.properties).accountHealthRating);
  const props = node(rating.properties);
  props.ahrStatus = props.accountHealthRatingStatus;
  const odr = node(node(copy.definitions).OrderDefectRate);
  node(odr.properties).fulfillmentType = { type: 'string' };
  return copy;
}

const ajv = newAjv();
const validators = new Map<string, ValidateFunction>();

/**
 * A document against its schema, every object closed (a field the sender invented is a violation), as the
 * sandbox's answers are checked. Fields are dotted paths into the document.
 */
export function checkDocument(api: ContractApi, name: string, document: unknown): ContractViolation[] {
  const key = `${api}/${name}`;
  let validate = validators.get(key);
  if (!validate) {
    const {
      $schema: _ignored,
      'x-order-hub-source': _source,
      ...schema
    } = corrected(api, name, loadDocumentSchema(api, name));
    validate = ajv.compile(closeObjects(schema) as object);
    validators.set(key, validate);
  }
  return validate(document) ? [] : toViolations(validate.errors);
}
