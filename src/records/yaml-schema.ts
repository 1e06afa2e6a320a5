/**
 * The YAML 1.2 core schema, spelled exactly as the `yaml` package resolves it (its `core` schema), for
 * js-yaml. js-yaml's own CORE_SCHEMA also reads `1_000`, `0b101` and `+0x1F` as numbers; `yaml` reads them
 * as text. Both parsers stay in the project (yaml edits the issue form and serialises records), so one
 * spelling of "which plain words are numbers" keeps them from ever disagreeing about a value.
 */
import { FAILSAFE_SCHEMA, Type, type Schema } from "js-yaml";

const TAG = "tag:yaml.org,2002:";

const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_DECIMAL = /^[-+]?[0-9]+$/;
const INT_OCTAL = /^0o[0-7]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_SPECIAL = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;

/**
 * js-yaml asks every implicit type about every plain scalar, keys included (10,000 records: ~250,000 words,
 * each tried against seven patterns). Each pattern above can only match text starting with one of a few
 * characters, so looking at the first one first skips nearly all of them; the patterns still decide.
 */
const NUMBER_STARTS = "-+.0123456789";
function startsWithAny(text: string, firsts: string): boolean {
  return text.length > 0 && firsts.includes(text.charAt(0));
}

function toInt(text: string): number {
  if (INT_OCTAL.test(text)) return parseInt(text.slice(2), 8);
  if (INT_HEX.test(text)) return parseInt(text.slice(2), 16);
  return parseInt(text, 10);
}

function toFloat(text: string): number {
  if (/nan$/i.test(text)) return NaN;
  if (/inf$/i.test(text)) return text.startsWith("-") ? -Infinity : Infinity;
  return parseFloat(text);
}

const nullType = new Type(`${TAG}null`, {
  kind: "scalar",
  resolve: (data: string | null) =>
    data === null || data === "" || (startsWithAny(data, "~nN") && NULL.test(data)),
  construct: () => null,
});

const boolType = new Type(`${TAG}bool`, {
  kind: "scalar",
  resolve: (data: string | null) => data !== null && startsWithAny(data, "tTfF") && BOOL.test(data),
  construct: (data: string) => data.toLowerCase() === "true",
});

const intType = new Type(`${TAG}int`, {
  kind: "scalar",
  resolve: (data: string | null) =>
    data !== null &&
    startsWithAny(data, NUMBER_STARTS) &&
    (INT_DECIMAL.test(data) || INT_OCTAL.test(data) || INT_HEX.test(data)),
  construct: toInt,
});

const floatType = new Type(`${TAG}float`, {
  kind: "scalar",
  resolve: (data: string | null) =>
    data !== null &&
    startsWithAny(data, NUMBER_STARTS) &&
    !INT_DECIMAL.test(data) &&
    (FLOAT.test(data) || FLOAT_SPECIAL.test(data)),
  construct: toFloat,
});

/** Strings, lists, mappings plus YAML 1.2 core null, bool, int and float, as the `yaml` package reads them. */
export const CORE_12_SCHEMA: Schema = FAILSAFE_SCHEMA.extend({
  implicit: [nullType, boolType, intType, floatType],
});
