// Browser tests: Playwright driving Debian's Chromium against the H5 build served by the local server.
const base = require('../../jest.config.js');

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  rootDir: '../..',
  roots: ['<rootDir>/tests/e2e'],
  testMatch: ['**/*.e2e.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  testTimeout: 180_000,
  // Two files at once: each has its own server, data folder and browser, and much of a file's time is spent waiting.
  maxWorkers: 2,
  verbose: true,
};
