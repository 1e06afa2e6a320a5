/** Helpers over the mdast trees parse.ts builds. */
import type { Node, Parent } from "mdast";

/** Calls `visit(node, parent)` for every node in document order, with an explicit stack (no recursion). */
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
