export * from './poll-cadence';
