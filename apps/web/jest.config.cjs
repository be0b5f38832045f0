module.exports = require('../../jest.preset')(__dirname, {
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/src/**/*.test.ts?(x)'],
  setupFiles: ['<rootDir>/src/jest.setup.ts'],
});
