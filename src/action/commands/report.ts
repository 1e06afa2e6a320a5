import type { CommandContext, CommandResult } from "../context.js";

export async function reportCommand(_ctx: CommandContext): Promise<CommandResult> {
  return { outputs: {}, errors: 0, warnings: 0, failure: "not implemented yet" };
}
