/**
 * The one Markdown parser of the render stage (remark-parse + remark-gfm, i.e. micromark: CommonMark and GFM
 * as GitHub reads them), with the few tree helpers the sanitiser and the anchors need.
 */
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import type { Node, Parent, Root } from "mdast";

let processor: ReturnType<typeof createProcessor> | undefined;

function createProcessor() {
  return unified().use(remarkParse).use(remarkGfm).freeze();
}

/** Parses Markdown into an mdast tree whose nodes carry start/end offsets. */
export function parseMarkdown(text: string): Root {
  processor ??= createProcessor();
  return processor.parse(text);
}

/** Calls `visit(node, parent)` for every node in document order. */
export function walkTree(root: Node, visit: (node: Node, parent: Parent | undefined) => void): void {
  const stack: { node: Node; parent: Parent | undefined }[] = [{ node: root, parent: undefined }];
  while (stack.length > 0) {
    const { node, parent } = stack.pop() as { node: Node; parent: Parent | undefined };
    visit(node, parent);
    const children = (node as Partial<Parent>).children;
    if (children)
      for (let i = children.length - 1; i >= 0; i--)
        stack.push({ node: children[i] as Node, parent: node as Parent });
  }
}

/**
 * The text a browser shows for inline content, which is what GitHub slugs: text and code values, link text,
 * no HTML tags, no image alt text.
 */
export function textContent(node: Node): string {
  const { type } = node;
  if (type === "text" || type === "inlineCode") return (node as Node & { value: string }).value;
  if (type === "html" || type === "image" || type === "imageReference") return "";
  if (type === "break") return "\n";
  const children = (node as Partial<Parent>).children;
  return children ? children.map(textContent).join("") : "";
}
