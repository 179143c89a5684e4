/**
 * Three projects so a developer can run the fast ones alone:
 *  - unit: *.spec.ts beside the code, no I/O beyond temp files
 *  - integration: *.int-spec.ts against real SQLite files, PostgreSQL and RabbitMQ on this machine
 *  - e2e: test/**\/*.e2e-spec.ts over real HTTP
 */
const swc = ['@swc/jest', { swcrc: false, ...require('./swc.jest.js') }];
const moduleNameMapper = {
  '^@ledger/([a-z-]+)$': '<rootDir>/libs/$1/src',
  '^@ledger/([a-z-]+)/(.*)$': '<rootDir>/libs/$1/src/$2',
};
// jose (JWT verification) and content-disposition (of @fastify/static, which serves the Swagger UI's files)
// ship ESM only; compile them to CommonJS like our own sources (Node loads them with require(esm)).
const common = {
  transform: { '^.+\\.ts$': swc, '/node_modules/(jose|content-disposition)/.+\\.js$': swc },
  transformIgnorePatterns: ['/node_modules/(?!(jose|content-disposition|@fastify/static/node_modules/content-disposition)/)'],
  moduleNameMapper,
  // Node's environment, failing any test file that leaves a socket, server, timer or process open.
  testEnvironment: '<rootDir>/test/support/leak-check.environment.ts',
  rootDir: __dirname,
};
module.exports = {
  maxWorkers: 2,
  // A worker is replaced once its heap passes this after a test file. Jest's workers otherwise end the run at
  // about 1.2 GB resident (measured), and releasing that on a busy machine can outlast the 500 ms jest gives a
  // worker to exit: its "failed to exit gracefully" warning with nothing left open.
  workerIdleMemoryLimit: '512MB',
  // Integration and end-to-end tests start real processes, servers and brokers; on a busy 2-core machine
  // one start can take longer than jest's 5 s default (a global option: projects cannot set it). Speed is
  // judged in bench/, never by a test timeout.
  testTimeout: 30_000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts'] },
    { ...common, displayName: 'integration', testMatch: ['<rootDir>/{apps,libs}/**/*.int-spec.ts'], slowTestThreshold: 30 },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'], slowTestThreshold: 30 },
  ],
};
