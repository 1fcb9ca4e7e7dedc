// One Jest run for the whole monorepo; @swc/jest reads .swcrc (decorator metadata on for type-graphql/typegoose).
const swcrc = JSON.parse(require('node:fs').readFileSync(`${__dirname}/.swcrc`, 'utf8'));

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: [
    '<rootDir>/packages',
    '<rootDir>/subgraphs',
    '<rootDir>/router',
    '<rootDir>/tests',
    '<rootDir>/console',
  ],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { ...swcrc, swcrc: false }] },
  setupFiles: ['reflect-metadata'],
  testTimeout: 30000,
  maxWorkers: 2,
  // Longest files first also in a fresh clone (no recorded times), and a summary of where the time went.
  testSequencer: '<rootDir>/scripts/jest-cost.sequencer.js',
  reporters: ['default', '<rootDir>/scripts/jest-timing.reporter.js'],
};
