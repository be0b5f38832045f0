export * from './channel';
export * from './order';
export * from './access';
export * from './carrier';
export * from './violation';
export * from './shipment-input';
export * from './outbox';
export * from './compliance';
