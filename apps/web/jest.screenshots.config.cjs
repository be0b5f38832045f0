// Takes the README's screenshots (docs/screenshots) with the browser-test harness; not part of `npm test`.
module.exports = require('../../jest.preset')(__dirname, {
  testEnvironment: 'node',
  testMatch: ['<rootDir>/e2e/screenshots/*.shots.ts'],
  testTimeout: 300_000,
});
