export * from './metric-status';
export { windowEndingAt, type MetricContext, type MetricWindow } from './metric-context';
export * from './tracking-rate';
export * from './delivery-rate';
export * from './shipment-timeliness';
export * from './order-rates';
export * from './compliance-report';
export * from './attribution';
export * from './metric-scope';
