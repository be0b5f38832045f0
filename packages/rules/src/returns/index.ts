export * from './return-reasons';
export * from './refund-clock';
export * from './return-status-label';
export * from './propose-return-refund';
export * from './validate-return-refund';
