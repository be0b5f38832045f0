export * from './channel-warning-clock';
export * from './tracking-reuse';
export * from './late-origin-scan';
export * from './held-tracking-severity';
