/** Jest: unit tests (pure core), integration tests (real PnPjs against the stand-in) and e2e (Chromium). */
module.exports = {
  // Jest 29's own node environment: a bare 'node' resolves to the jest-environment-node@25 that the
  // SPFx toolchain hoists, which has no fetch and ignores package export conditions.
  testEnvironment: require.resolve('jest-environment-node', { paths: [require.resolve('jest')] }),
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.(t|j|mj)sx?$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2022', transform: { react: { runtime: 'classic' } } }, module: { type: 'commonjs' } }]
  },
  // PnPjs v4 and jose (under the Agents SDK's jwks-rsa) ship only ES modules: swc turns them into CommonJS for jest.
  transformIgnorePatterns: ['/node_modules/(?!(@pnp|jose)/)'],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'json'],
  // With --coverage (`npm run coverage`): V8's own counters, since swc, not babel, compiles the
  // tests; every source file counts, loaded or not, except the SPFx web part classes jest cannot load.
  coverageProvider: 'v8',
  collectCoverageFrom: ['src/**/*.{ts,tsx}', '!src/**/*.d.ts', '!src/webparts/**'],
  coverageReporters: ['text-summary'],
  testTimeout: 120000
};
