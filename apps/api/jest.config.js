module.exports = require('../../jest.preset')(__dirname, {
  testTimeout: 60_000,
  // Each suite boots its own databases; one worker keeps two PGlite instances from fighting for 2 cores.
  maxWorkers: 1,
  // Absolute imports inside the api (`src/modules/…`), as tsconfig `paths` declares them.
  moduleNameMapper: { '^src/(.*)$': '<rootDir>/src/$1' },
  // The preset's ESM-only dependencies (content-disposition; otplib's @scure/base and @noble/hashes), and SSO's
  // (openid-client with its oauth4webapi and jose), which the built api loads with Node's require(esm) but Jest's
  // module system cannot.
  transformIgnorePatterns: [
    '/node_modules/(?!((@fastify/static/node_modules/)?content-disposition|@scure/base|(@otplib/plugin-crypto-noble/node_modules/)?@noble/hashes|openid-client|oauth4webapi|jose)/)',
  ],
});
