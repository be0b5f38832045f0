// Browser tests against the real api serving the built console (see e2e/console.e2e.test.ts).
module.exports = require('../../jest.preset')(__dirname, {
  testEnvironment: 'node',
  testMatch: ['<rootDir>/e2e/**/*.e2e.test.ts'],
  testTimeout: 180_000,
});
