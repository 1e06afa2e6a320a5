/**
 * A test's own anatomy: the real one plus two optional fields, declared exactly as docs/architecture.md says
 * a new field is added. Nothing else in src/ knows about them.
 */
import { Type } from "@sinclair/typebox";
import { ENTRY_ANATOMY, field } from "../../src/records/index.js";

export const FIXTURE_ANATOMY = {
  ...ENTRY_ANATOMY,
  license: field({
    role: "line",
    required: false,
    schema: Type.String({ minLength: 1, description: "The code's licence: MIT, Apache-2.0…" }),
    label: { zh: "授權", en: "License" },
    maxChars: 40,
    shown: true,
    form: {
      order: 95,
      type: "input",
      required: false,
      description: { zh: "程式碼的授權", en: "The code's licence, e.g. MIT." },
      placeholder: "MIT",
    },
  }),
  slides: field({
    role: "url",
    required: false,
    schema: Type.String({ pattern: "^https?://\\S+$", description: "The talk's slides." }),
    label: { zh: "投影片", en: "Slides" },
    shown: true,
    form: {
      order: 96,
      type: "input",
      required: false,
      description: { zh: "演講投影片的網址", en: "Where the talk's slides are." },
    },
  }),
};

/** The line a maintainer adds to templates/entry.md.hbs with the new fields. */
export const TEMPLATE_LINE =
  "{{#if license}}\n\nLicense: {{license}}{{#if slides}} · [Slides]({{slides}}){{/if}}\n{{/if}}\n";
