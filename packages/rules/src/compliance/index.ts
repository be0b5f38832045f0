export * from './metric-severity';
