/** Two projects: fast unit specs beside the code, and e2e suites that boot the whole app. */
const transform = {
  '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', isolatedModules: true }],
  // NestJS 12 and some of its dependencies are ESM-only; see test/jest/esm-to-cjs.transformer.js.
  '^.+/node_modules/.+\\.m?js$': '<rootDir>/test/jest/esm-to-cjs.transformer.js',
};
const common = {
  moduleFileExtensions: ['js', 'json', 'ts'],
  testEnvironment: 'node',
  transform,
  // Large CommonJS packages need no look.
  transformIgnorePatterns: ['/node_modules/(typeorm|mysql2|bull|ioredis|natural|lodash|prom-client|fastify|pino|rxjs|class-validator|libphonenumber-js|better-sqlite3|csv-parse|sentiment|typescript)/'],
  rootDir: '.',
};

module.exports = {
  // A global option: Jest ignores testTimeout inside a project, so hooks kept the 5 s default and a loaded
  // machine timed out booting the app.
  testTimeout: 30_000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/scripts/**/*.spec.ts'] },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'], testTimeout: 30_000 },
  ],
};
