export * from './supplier-clock';
