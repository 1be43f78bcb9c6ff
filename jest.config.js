/** @type {import('jest').Config} */
const transform = {
  '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
};
const project = (displayName, roots, extra = {}) => ({
  displayName,
  testEnvironment: 'node',
  transform,
  testMatch: roots.map((root) => `<rootDir>/${root}/**/*.test.ts`),
  modulePathIgnorePatterns: ['<rootDir>/dist/'],
  setupFilesAfterEnv: ['<rootDir>/test/setup/log-tap.setup.ts'],
  ...extra,
});

module.exports = {
  testTimeout: 60_000,
  transform,
  // A fresh log tap before the run; after it, every log line is scanned for patient identifiers.
  globalSetup: '<rootDir>/test/setup/global-setup.ts',
  globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
  projects: [
    project('unit', ['test/unit']),
    project('integration', ['test/integration']),
    project('e2e', ['test/e2e']),
    // Needs Debian's Chromium: run by `npm run test:e2e`, not by plain `jest`.
    project('browser', ['test/browser']),
  ],
  coverageThreshold: { global: { lines: 80 } },
  collectCoverageFrom: ['src/**/*.ts', '!src/index.ts'],
};
