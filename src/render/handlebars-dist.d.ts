/**
 * Handlebars by its one-file build (see render/templates.ts for why): the same library and version as
 * `import Handlebars from "handlebars"` (tests/render/handlebars-dist.test.ts checks that), typed as that.
 */
declare module "handlebars/dist/handlebars.js" {
  import Handlebars from "handlebars";
  export default Handlebars;
}
