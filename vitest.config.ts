import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // Tests start their own loopback servers; a slow CI machine gets generous limits.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    setupFiles: ["tests/setup/no-network.ts"],
  },
});
