export * from './policy/policy-table';
export * from './deadlines/deadlines';
export * from './violations/catalogue';
export * from './carriers/carrier-labels';
export * from './tracking/checksums';
export * from './tracking/carrier-formats';
export * from './tracking/check-tracking-number';
