/**
 * File-system refusals that say something about the user's folders, not about papershelf: a file where a
 * folder must go, no permission, a full disk. `papershelf site --out notes.txt/site` used to end in
 * "internal error: ENOTDIR … this is a bug in papershelf"; it is an input the command cannot use (exit 2),
 * and the message says which path and why. Codes that a bug of ours could as well cause (ENOENT: a folder
 * we forgot to make) stay internal errors, and so does EEXIST from anything but making a folder.
 */
import { displayPath } from "./display-path.js";

const MEANING: Record<string, string> = {
  ENOTDIR: "a part of that path is a file, not a folder",
  EISDIR: "it is a folder, not a file",
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EROFS: "the file system is read-only",
  ENOSPC: "no space left on the device",
  EDQUOT: "the disk quota is used up",
  ENAMETOOLONG: "the name is too long",
  ELOOP: "too many symbolic links on the way",
};

/** What a system call's verb reads as in a message. */
const DOING: Record<string, string> = {
  mkdir: "make the folder",
  open: "open",
  read: "read",
  write: "write",
  rename: "rename",
  realpath: "find",
  stat: "find",
  lstat: "find",
  scandir: "list",
  unlink: "remove",
  rmdir: "remove",
  copyfile: "copy",
};

/**
 * The message for `error` when it is such a refusal (a Node system error naming a path), else undefined:
 * "cannot make the folder notes.txt/site: a part of that path is a file, not a folder (ENOTDIR)".
 */
export function systemErrorMessage(error: unknown, cwd: string): string | undefined {
  if (!(error instanceof Error)) return undefined;
  const { code, syscall, path: file } = error as NodeJS.ErrnoException;
  if (code === undefined || syscall === undefined || file === undefined) return undefined;
  const meaning =
    code === "EEXIST" && syscall === "mkdir"
      ? "a file is already there, where a folder must go"
      : MEANING[code];
  if (meaning === undefined) return undefined;
  return `cannot ${DOING[syscall] ?? syscall} ${displayPath(file, cwd)}: ${meaning} (${code})`;
}
