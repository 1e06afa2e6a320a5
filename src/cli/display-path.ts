import path from "node:path";

/** Path as shown to people: relative to cwd, forward slashes (matches annotations' `file`). */
export function displayPath(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  // The folder papershelf runs in is ".", not "" (`papershelf check .` said "cannot read : EISDIR").
  return (rel.startsWith("..") ? file : rel || ".").split(path.sep).join("/");
}
