/**
 * A parsed YAML document as plain data, without exceptions. `Document.toJS()` throws a ReferenceError for an
 * alias whose anchor is missing (`categories: *nope`) and for an alias bomb; both are mistakes in a file a
 * person wrote, so they come back as a result with the offending alias's source range.
 */
import { isAlias, visit, type Document, type Node } from "yaml";

/**
 * At most this many alias expansions (yaml's own default): a "billion laughs" file stops here instead of
 * filling memory. A hand-written list needs a handful at most.
 */
export const MAX_ALIAS_COUNT = 100;

export type PlainDataResult =
  { ok: true; data: unknown } | { ok: false; message: string; range: readonly [number, number] };

/** The first alias node in document order that `accept` likes, with its source range. */
function findAlias(doc: Document, accept: (source: string, node: Node) => boolean): [number, number] {
  let range: [number, number] = [0, 0];
  visit(doc, {
    Alias(_, node) {
      if (!accept(node.source, node)) return undefined;
      if (node.range) range = [node.range[0], node.range[1]];
      return visit.BREAK;
    },
  });
  return range;
}

/** `doc.toJS()` as a result: an unresolved alias or too many alias expansions are errors with a place. */
export function toPlainData(doc: Document): PlainDataResult {
  try {
    return { ok: true, data: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as unknown };
  } catch (error) {
    // yaml reports both alias problems as ReferenceError; anything else is a bug and stays an exception.
    if (!(error instanceof ReferenceError)) throw error;
    if (/^Unresolved alias/.test(error.message)) {
      let name = "";
      const range = findAlias(doc, (source, node) => {
        if (!isAlias(node) || node.resolve(doc) !== undefined) return false;
        name = source;
        return true;
      });
      return {
        ok: false,
        range,
        message: `YAML alias "*${name}" has no anchor "&${name}" before it; define the anchor earlier or write the value out`,
      };
    }
    return {
      ok: false,
      range: findAlias(doc, () => true),
      message: `YAML aliases expand to too much data (more than ${MAX_ALIAS_COUNT} alias uses); write the values out instead of nesting aliases`,
    };
  }
}
