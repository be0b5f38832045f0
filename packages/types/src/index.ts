export * from './channel';
export * from './order';
export * from './access';
