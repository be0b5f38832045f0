export { type ContractApi, type OfficialExample, MODELS, loadModel, officialExamples } from './models';
export { type ContractOperation, findOperation, operations } from './operations';
export { type ContractViolation, checkRequest, checkResponse } from './check';
export { DOCUMENT_SCHEMAS, checkDocument, loadDocumentSchema } from './documents';
export { type AmazonModelAlias, amazonSchema, assertValid, walmartSchemas } from './legacy';
export type { ValidateFunction } from 'ajv';
export { type EasyPostExample, easypostExample, easypostExamples, keysBeyond, shapeDifferences } from './easypost';
