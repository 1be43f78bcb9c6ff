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
  ...extra,
});

module.exports = {
  testTimeout: 60_000,
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
