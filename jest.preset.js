// Shared Jest settings: SWC transforms TypeScript (with legacy decorators and metadata for NestJS).
const path = require('node:path');

module.exports = (dir, overrides = {}) => ({
  rootDir: dir,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.test.ts', '<rootDir>/test/**/*.test.ts'],
  cacheDirectory: path.join(__dirname, '.jest-cache'),
  modulePathIgnorePatterns: ['<rootDir>/dist/'],
  // Jest cannot require() ES modules on Node 20; these dependencies ship only ESM, so SWC compiles them
  // (otplib's CommonJS build requires the ESM-only @scure/base and @noble/hashes).
  transformIgnorePatterns: [
    '/node_modules/(?!((@fastify/static/node_modules/)?content-disposition|@scure/base|(@otplib/plugin-crypto-noble/node_modules/)?@noble/hashes)/)',
  ],
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true, tsx: true },
          transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
          keepClassNames: true,
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  ...overrides,
});
