export * from './channel-profile';
export * from '../orders/order-status';
export * from '../orders/order-eligibility';
