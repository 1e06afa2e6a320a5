/**
 * CORE_12_SCHEMA (js-yaml, which reads the records) must read every plain word as the `yaml` package's core
 * schema does (yaml writes records and edits the issue form): a word one reads as a number and the other as
 * text would change a record on a round trip. The schema's types look at a word's first character before
 * their patterns, so the words here sit on both sides of each first-character test.
 */
import { load } from "js-yaml";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { CORE_12_SCHEMA } from "../../src/records/yaml-schema.js";

const WORDS = [
  // null
  "~",
  "null",
  "Null",
  "NULL",
  "nULL",
  "nul",
  "~x",
  "n",
  "N",
  "none",
  // bool
  "true",
  "True",
  "TRUE",
  "tRUE",
  "false",
  "False",
  "FALSE",
  "fAlse",
  "t",
  "f",
  "T",
  "F",
  "yes",
  "no",
  "on",
  // int
  "0",
  "7",
  "-0",
  "+12",
  "-12",
  "007",
  "0o17",
  "0o8",
  "0x1F",
  "0x",
  "0X1F",
  "+0x1F",
  "1_000",
  "0b101",
  "12abc",
  // float
  ".5",
  "1.",
  "-1.5",
  "+.5",
  "1e3",
  "1E-3",
  "-.inf",
  "+.Inf",
  ".INF",
  ".NaN",
  ".nan",
  ".NAN",
  "inf",
  "nan",
  "-x",
  "+",
  ".",
  "..",
  "1.2.3",
  "e3",
  // text
  "id",
  "title",
  "paper-0",
  "https://example.org/a",
  "2024-05",
  "2024-05-01",
  "摘要",
];

function jsYamlValue(word: string): unknown {
  return (load(`v: ${word}\n`, { schema: CORE_12_SCHEMA }) as { v: unknown }).v;
}

function yamlValue(word: string): unknown {
  return (parse(`v: ${word}\n`, { schema: "core" }) as { v: unknown }).v;
}

describe("CORE_12_SCHEMA", () => {
  it.each(WORDS)("reads the plain word %j as the yaml package's core schema does", (word) => {
    const ours = jsYamlValue(word);
    const theirs = yamlValue(word);
    expect(typeof ours).toBe(typeof theirs);
    expect(Object.is(ours, theirs)).toBe(true);
  });

  it("reads an empty value as null, and keys as text", () => {
    expect(load("a:\nnull: 1\n", { schema: CORE_12_SCHEMA })).toEqual({ a: null, null: 1 });
  });
});
