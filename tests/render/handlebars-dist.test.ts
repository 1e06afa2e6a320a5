/**
 * render/ and site/ load Handlebars from its one-file build (handlebars/dist/handlebars.js) for start-up time;
 * it must be the very library `import "handlebars"` gives: same version, same output, same errors.
 */
import { describe, expect, it } from "vitest";
import HandlebarsDist from "handlebars/dist/handlebars.js";
import HandlebarsLib from "handlebars";

const SOURCE = [
  "{{#each items}}<li class='{{#if @first}}first{{/if}}'>{{name}} {{{raw}}}</li>{{/each}}",
  "{{> card who=name}}",
  "{{#unless hidden}}{{title}}{{else}}-{{/unless}}",
].join("\n");
const VIEW = {
  items: [
    { name: "a <b>", raw: "<i>x</i>" },
    { name: "\"q\" & 'r'", raw: "" },
  ],
  name: "卡片",
  hidden: false,
  title: "`=",
};

function render(hb: typeof HandlebarsLib, options: CompileOptions = {}): string {
  const env = hb.create();
  env.registerPartial("card", "[{{who}}]");
  return env.compile(SOURCE, { strict: true, ...options })(VIEW);
}

describe("Handlebars' one-file build", () => {
  it("is the same version as the package's main entry", () => {
    expect(HandlebarsDist.VERSION).toBe(HandlebarsLib.VERSION);
  });

  it("renders what the main entry renders, escaped and not", () => {
    expect(render(HandlebarsDist)).toBe(render(HandlebarsLib));
    expect(render(HandlebarsDist, { noEscape: true })).toBe(render(HandlebarsLib, { noEscape: true }));
    expect(render(HandlebarsDist)).toContain("a &lt;b&gt;");
  });

  it("fails a strict template on a missing field as the main entry does", () => {
    const missing = (hb: typeof HandlebarsLib) => () =>
      hb.create().compile("{{nope}}", { strict: true })({ yes: 1 });
    expect(missing(HandlebarsDist)).toThrow(/"nope" not defined/);
    expect(missing(HandlebarsLib)).toThrow(/"nope" not defined/);
  });
});
