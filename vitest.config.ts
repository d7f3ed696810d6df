import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['__tests__/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // End-to-end tests run Go; two cores are all CI has.
    maxWorkers: 2,
    pool: 'forks'
  }
})
