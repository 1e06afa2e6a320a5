/**
 * The README's Markdown lives in Handlebars templates (`templates/*.md.hbs`) so a maintainer can change the
 * look without touching src/. They are compiled with noEscape (values arrive escaped, see view-model.ts)
 * and strict (a misspelt field is an error naming the template, not a silently empty string).
 */
// The package's one-file build: the same library and version as its CommonJS tree (lib/index.js), which is
// 56 files with source-map (needed only by `precompile` with source maps) and took ~42 ms to load where
// this takes ~20, on every command that renders a template.
import Handlebars from "handlebars/dist/handlebars.js";
import type { Diagnostic } from "../records/index.js";

export const TEMPLATE_NAMES = ["intro", "toc", "section", "entry", "site"] as const;
export type TemplateName = (typeof TEMPLATE_NAMES)[number];

/**
 * Templates a list may lack: `site.md.hbs` came after lists were scaffolded, and only a README with a `site`
 * zone and a configured `site.url` renders it. A missing one is an error only when it is rendered.
 */
const OPTIONAL_TEMPLATES: ReadonlySet<TemplateName> = new Set(["site"]);

/** `templates/entry.md.hbs` and so on. */
export function templateFileName(name: TemplateName): string {
  return `${name}.md.hbs`;
}

export interface CompiledTemplate {
  file: string;
  render(view: object): string;
}

export type TemplateSet = Record<TemplateName, CompiledTemplate>;
export type TemplatesResult = { ok: true; templates: TemplateSet } | { ok: false; errors: Diagnostic[] };

/** Handlebars gives the line as `lineNumber` or inside the message ("Parse error on line 4:"). */
function errorLine(error: Error & { lineNumber?: number }): number {
  const m = /line (\d+)/.exec(error.message);
  return error.lineNumber ?? (m ? Number(m[1]) : 1);
}

/** "Parse error on line 4: … got 'EOF'": the first and last lines; the middle is an ASCII-art pointer. */
function errorSummary(message: string): string {
  const lines = message.split("\n");
  return lines.length > 1 ? `${lines[0]} ${lines.at(-1)}` : message;
}

/** Thrown by a template at render time (strict mode, a missing field): the caller turns it into a diagnostic. */
export class TemplateRenderError extends Error {
  override name = "TemplateRenderError";
  constructor(
    readonly file: string,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/**
 * The diagnostic for a template that failed while rendering (strict mode: a field it names is missing). One
 * shape for the README's templates and the site's, so both report a broken template the same way.
 */
export function templateRenderDiagnostic(error: { file: string; message: string }): Diagnostic {
  // Handlebars ends a strict-mode error with " - line:column" (the column from 0) and names the object it
  // looked in as "[object Object]": the place goes where a diagnostic keeps it, the object goes.
  const placed = / - (\d+):(\d+)$/.exec(error.message);
  const message = (placed ? error.message.slice(0, placed.index) : error.message).replace(
    /^("[^"]*") not defined in \[object Object\]$/,
    "$1 is not defined: neither a field this template is given nor a helper",
  );
  return {
    ruleId: "template",
    severity: "error",
    message,
    file: error.file,
    line: placed ? Number(placed[1]) : 1,
    column: placed ? Number(placed[2]) + 1 : 1,
  };
}

/** A template that was not found: rendering it is the error, naming the file and why it is needed. */
function missingTemplate(file: string): CompiledTemplate {
  return {
    file,
    render() {
      throw new TemplateRenderError(
        file,
        `template not found: ${file} (the README's "site" zone renders it when site.url is set; copy it from papershelf's templates/)`,
      );
    },
  };
}

const OPTIONS = { noEscape: true, strict: true } as const;

/**
 * A template's render function. It is compiled with `knownHelpersOnly` first: Handlebars then calls `if`,
 * `each` and `unless` directly instead of asking at every mustache whether a helper of that name exists,
 * which halves the first (cold) render of 10,000 entries. That mode refuses a call to a helper it does not
 * know (`{{shout title}}`) with a message about the mode; such a template is compiled the ordinary way
 * when it first runs, so its author reads the usual error ("shout" not defined).
 */
function compileRender(hb: typeof Handlebars, file: string, text: string): (view: object) => string {
  const fast = hb.compile(text, { ...OPTIONS, knownHelpersOnly: true });
  let fn = fast;
  const failure = (cause: unknown) =>
    new TemplateRenderError(file, (cause as Error).message.split("\n")[0] ?? "", { cause });
  return (view) => {
    try {
      return fn(view);
    } catch (cause) {
      if (fn !== fast || !/knownHelpersOnly/.test((cause as Error).message)) throw failure(cause);
      fn = hb.compile(text, OPTIONS);
    }
    try {
      return fn(view);
    } catch (cause) {
      throw failure(cause);
    }
  };
}

/**
 * Compiles the templates from their texts (an optional one may be absent). A syntax error is a diagnostic
 * with the template's line.
 */
export function compileTemplates(
  sources: Partial<Record<TemplateName, { file: string; text: string }>> &
    Record<Exclude<TemplateName, "site">, { file: string; text: string }>,
): TemplatesResult {
  const hb = Handlebars.create();
  const errors: Diagnostic[] = [];
  const compiled: Partial<TemplateSet> = {};
  for (const name of TEMPLATE_NAMES) {
    const source = sources[name];
    if (source === undefined) {
      compiled[name] = missingTemplate(templateFileName(name));
      continue;
    }
    const { file, text } = source;
    try {
      hb.parse(text); // compile() is lazy: parse now so syntax errors surface before any rendering
      compiled[name] = { file, render: compileRender(hb, file, text) };
    } catch (cause) {
      errors.push({
        ruleId: "template",
        severity: "error",
        message: `template syntax error: ${errorSummary((cause as Error).message)}`,
        file,
        line: errorLine(cause as Error),
        column: 1,
      });
    }
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, templates: compiled as TemplateSet };
}

/**
 * Reads `<dir>/<name>.md.hbs` for every template through `readText` (undefined = missing file) and compiles
 * them. `display` turns a path into the name shown in messages.
 */
export async function readTemplates(
  dir: string,
  readText: (path: string) => Promise<string | undefined>,
  display: (path: string) => string = (p) => p,
): Promise<TemplatesResult> {
  const sources: Partial<Record<TemplateName, { file: string; text: string }>> = {};
  const absent = new Map<TemplateName, string>();
  const errors: Diagnostic[] = [];
  for (const name of TEMPLATE_NAMES) {
    const path = `${dir.replace(/\/$/, "")}/${templateFileName(name)}`;
    const text = await readText(path);
    if (text === undefined && OPTIONAL_TEMPLATES.has(name)) {
      absent.set(name, display(path));
    } else if (text === undefined) {
      errors.push({
        ruleId: "template",
        severity: "error",
        message: `template not found: ${display(path)} (the "templates" folder must hold ${REQUIRED_TEMPLATE_FILES})`,
        file: display(path),
        line: 1,
        column: 1,
      });
    } else {
      sources[name] = { file: display(path), text };
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  const compiled = compileTemplates(sources as Parameters<typeof compileTemplates>[0]);
  if (compiled.ok) for (const [name, file] of absent) compiled.templates[name] = missingTemplate(file);
  return compiled;
}

const REQUIRED_TEMPLATE_FILES = TEMPLATE_NAMES.filter((n) => !OPTIONAL_TEMPLATES.has(n))
  .map(templateFileName)
  .join(", ");
