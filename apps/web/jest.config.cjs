module.exports = require('../../jest.preset')(__dirname, {
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/src/**/*.test.ts?(x)'],
  setupFiles: ['<rootDir>/src/jest.setup.ts'],
  // `@/…` is src/, as tsconfig `paths` declares it.
  moduleNameMapper: { '^@/(.*)$': '<rootDir>/src/$1' },
});
