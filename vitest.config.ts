import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const alias = {
  '@': fileURLToPath(new URL('./', import.meta.url)),
  // Queries import 'server-only', which throws outside a React server bundle.
  'server-only': fileURLToPath(new URL('./test/support/server-only-stub.ts', import.meta.url)),
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: { name: 'unit', include: ['lib/**/*.test.ts', 'scripts/**/*.test.ts'] },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          include: ['test/**/*.int.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // Each file runs its own embedded PostgreSQL: two at a time fit two cores.
          maxWorkers: 2,
          // Projects with their own worker limits run as separate groups: unit first.
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
