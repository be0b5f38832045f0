/** The official models are committed in @order-hub/contracts (trimmed; see its README); these are its validators. */
export { amazonSchema, assertValid, walmartSchemas } from '@order-hub/contracts';
