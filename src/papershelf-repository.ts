/**
 * Where papershelf itself lives on GitHub, written once. The callers `papershelf init` writes `uses:` its
 * reusable workflows from here; package.json's "repository", the reusable workflows' `papershelf-repository`
 * default, docs/adopt.md and the User-Agents that name a contact all say the same (tests/init/repository.test.ts
 * fails when one of them drifts).
 */
export const PAPERSHELF_REPOSITORY = "papershelf/papershelf";

/** Its web address, for User-Agent contacts and links. */
export const PAPERSHELF_URL = `https://github.com/${PAPERSHELF_REPOSITORY}`;
