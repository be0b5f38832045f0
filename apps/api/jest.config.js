module.exports = require('../../jest.preset')(__dirname, {
  testTimeout: 60_000,
  // Two files at a time: most of a file's time is spent waiting (sandbox clocks, outbox rounds, HTTP), so two halve the
  // suite's wall time on CI's 2 cores (58 min → about 31 with one worker's CPU to spare). Each file has its own
  // databases, ports and Redis database number (redis-databases.test.ts).
  maxWorkers: 2,
  // A worker that has run an embedded-database file can hold gigabytes (3.3 GB seen); past this it is replaced
  // between files, so later files do not run in a worker slowed by collecting a heap it no longer needs.
  workerIdleMemoryLimit: '1GB',
  // Absolute imports inside the api (`src/modules/…`), as tsconfig `paths` declares them.
  moduleNameMapper: { '^src/(.*)$': '<rootDir>/src/$1' },
  // The preset's ESM-only dependencies (content-disposition; otplib's @scure/base and @noble/hashes), and SSO's
  // (openid-client with its oauth4webapi and jose), which the built api loads with Node's require(esm) but Jest's
  // module system cannot.
  transformIgnorePatterns: [
    '/node_modules/(?!((@fastify/static/node_modules/)?content-disposition|@scure/base|(@otplib/plugin-crypto-noble/node_modules/)?@noble/hashes|openid-client|oauth4webapi|jose)/)',
  ],
});
