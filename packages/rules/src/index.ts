export * from './policy/policy-table';
export * from './deadlines/deadlines';
