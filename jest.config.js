// Jest for unit, integration, contract and smoke tests; TypeScript is compiled by SWC (much faster than ts-jest).
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  // One worker per core, all of them: jest's default leaves one for itself, which on CI's two cores means running
  // in band on one, while the main process mostly waits.
  maxWorkers: '100%',
  // A guard against a hang, not a speed check (those are in bench/): a harness start on a busy two-core machine can
  // take more than jest's 5 s.
  testTimeout: 20_000,
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/dist-h5/', '/tests/e2e/'],
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/dist-h5/'],
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', tsx: true },
          transform: { react: { runtime: 'automatic' } },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  moduleNameMapper: {
    '^@/(.*)$': '<rootDir>/src/$1',
    // file-type is ESM-only and exports its Node entry under "import" alone; jest loads it compiled by SWC.
    '^file-type$': '<rootDir>/node_modules/file-type/index.js',
    // exifr's browser build, as the phone imports it (lib/photo-capture.ts), in its CommonJS form.
    '^exifr/dist/mini\\.esm\\.mjs$': '<rootDir>/node_modules/exifr/dist/mini.umd.cjs',
  },
  // The ESM-only packages behind file-type (byte sniffing of uploads) and @fastify/static's own content-disposition
  // and fastify.inject's cookie (light-my-request) are compiled to CommonJS like our own code (a nested package
  // must pass at both of its node_modules).
  transformIgnorePatterns: [
    '/node_modules/(?!(file-type|strtok3|token-types|uint8array-extras|@tokenizer|@borewit|@fastify/static/node_modules/content-disposition|content-disposition|light-my-request/node_modules/cookie|cookie)/)',
  ],
};
