/**
 * opencc-js's character tables (its package exports them as `opencc-js/dict/<name>`, untyped): one string of
 * `from to` pairs joined by `|`, e.g. "發 发|髮 发|…" (TSCharacters: Traditional → Simplified).
 */
declare module "opencc-js/dict/TSCharacters" {
  const table: string;
  export default table;
}
declare module "opencc-js/dict/STCharacters" {
  const table: string;
  export default table;
}
