/**
 * The ajv validator of the data file's JSON Schema, obtained one of two ways with the same options:
 *
 * - precompiled: scripts/build-lib.ts writes ajv's standalone code for the schema next to this module in
 *   lib/ (`schema-validator.precompiled.js`), so the published CLI neither loads ajv's compiler (~100 ms
 *   of start-up) nor compiles the schema on every run (~200 ms); lib/ is built from one commit, so that
 *   code never lags behind the schema;
 * - compiled at run time (src/ under tsx, the tests, the Action's bundle), where that file does not exist.
 *
 * tests/records/schema-validator.test.ts runs both on the same documents and requires the same errors.
 */
import type { ErrorObject, Options } from "ajv";

/** What validate.ts needs of a validator: ajv's function shape, compiled or standalone. */
export interface SchemaValidate {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

/** Where build-lib.ts writes the standalone code, relative to this module. */
export const PRECOMPILED_FILE = "schema-validator.precompiled.js";

/** Every minLength and maxLength in a schema, wherever it sits. */
function lengthLimits(node: unknown, out: number[] = []): number[] {
  if (Array.isArray(node)) for (const item of node) lengthLimits(item, out);
  else if (node !== null && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) {
      if ((key === "minLength" || key === "maxLength") && typeof value === "number") out.push(value);
      else lengthLimits(value, out);
    }
  }
  return out;
}

/**
 * The options of both ways. `unicode: false` compares lengths in UTF-16 units instead of counting code
 * points over the whole string (which cost ~10% of validating 10,000 records); it is only chosen while
 * every length limit is 0 or 1 ("non-empty"), where the two counts always agree.
 */
export function ajvOptions(schema: Record<string, unknown>): Options {
  const unicode = !lengthLimits(schema).every((limit) => limit <= 1);
  return {
    allErrors: true,
    strict: true,
    allowUnionTypes: true,
    verbose: true,
    ...(unicode ? {} : { unicode: false }),
    // ajv warns that `unicode` is deprecated (the option still works in ajv 8), and nothing inside the
    // pipeline prints; strict mode already turns every schema problem into an exception.
    logger: false,
  };
}

/** Compiles the schema in this process (loads ajv). */
export async function compileSchemaValidator(schema: Record<string, unknown>): Promise<SchemaValidate> {
  return (await runtimeCompiler())(schema);
}

async function runtimeCompiler(): Promise<(schema: Record<string, unknown>) => SchemaValidate> {
  const { Ajv2020 } = await import("ajv/dist/2020.js");
  return (schema) => new Ajv2020(ajvOptions(schema)).compile(schema);
}

/**
 * A synchronous getter of the validator, for validation that runs synchronously: the precompiled one, or
 * ajv loaded now and the schema compiled at the first call (compiling costs more than validating 10,000
 * records, so once per process).
 */
export async function prepareSchemaValidator(
  schema: () => Record<string, unknown>,
): Promise<() => SchemaValidate> {
  const precompiled = await loadPrecompiledValidator();
  if (precompiled) return () => precompiled;
  const compile = await runtimeCompiler();
  let compiled: SchemaValidate | undefined;
  return () => (compiled ??= compile(schema()));
}

/** ajv's standalone ES module source for the schema: what build-lib.ts writes to lib/. */
export async function standaloneValidatorCode(schema: Record<string, unknown>): Promise<string> {
  const { Ajv2020 } = await import("ajv/dist/2020.js");
  const { default: standaloneCode } = await import("ajv/dist/standalone/index.js");
  const ajv = new Ajv2020({ ...ajvOptions(schema), code: { source: true, esm: true } });
  return standaloneCode(ajv, ajv.compile(schema));
}

/** The precompiled validator next to this module, or undefined when there is none (src/, the Action). */
export async function loadPrecompiledValidator(): Promise<SchemaValidate | undefined> {
  try {
    const url = new URL(`./${PRECOMPILED_FILE}`, import.meta.url).href;
    const module = (await import(url)) as { default?: SchemaValidate };
    return typeof module.default === "function" ? module.default : undefined;
  } catch {
    return undefined;
  }
}
