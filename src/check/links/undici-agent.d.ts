/**
 * undici's Agent by its own module (see check-urls.ts for why): the same class as `import { Agent } from
 * "undici"` (tests/check/engine.test.ts checks that), typed as that.
 */
declare module "undici/lib/dispatcher/agent.js" {
  import type { Agent } from "undici";
  const UndiciAgent: typeof Agent;
  export default UndiciAgent;
}
