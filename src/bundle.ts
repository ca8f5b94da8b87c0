/**
 * The entry of `dist/kabar.min.js`: every element registered and the API (`define.ts`), plus
 * the loader its on-demand chunks share. A chunk imports `kabarImport` from `kabar.min.js`, so
 * every chunk counts failures in the same place (see `internal/kabar-import.ts`). It is not
 * part of the API: the npm entries do not export it.
 *
 * The loader comes first: modules run in the order they are named here, and registering the
 * elements may already load a chunk (a `<kabar-comments load="eager">` in the page).
 */
export { kabarImport } from './internal/kabar-import.js';
export * from './define.js';
