import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    // The CLI speaks the locale's language; the tests expect English unless they ask otherwise.
    env: { LC_ALL: '', LC_MESSAGES: '', LANG: 'C.UTF-8' },
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
