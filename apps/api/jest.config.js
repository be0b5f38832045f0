module.exports = require('../../jest.preset')(__dirname, {
  testTimeout: 60_000,
  // Each suite boots its own databases; one worker keeps two PGlite instances from fighting for 2 cores.
  maxWorkers: 1,
  // Absolute imports inside the api (`src/modules/…`), as tsconfig `paths` declares them.
  moduleNameMapper: { '^src/(.*)$': '<rootDir>/src/$1' },
});
