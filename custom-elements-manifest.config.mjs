/**
 * `cem analyze` settings. The manifest (custom-elements.json) is read from the JSDoc of the
 * element classes; Storybook's docs and editors that understand the format read it.
 */

/** Keeps only the public API: `#private` and `private`/`protected` members are implementation. */
function publicApiOnly() {
  return {
    name: 'kabar-public-api-only',
    packageLinkPhase({ customElementsManifest }) {
      // Files are read in the order the file system lists them: sort so the manifest is stable.
      customElementsManifest.modules.sort((a, b) => a.path.localeCompare(b.path));
      for (const mod of customElementsManifest.modules) {
        for (const declaration of mod.declarations ?? []) {
          // `dispatchEvent(new KabarXEvent(...))` is seen as an event with a type but no name;
          // the `@fires` tag documents the same event by name, so the nameless copy goes.
          if (declaration.events) declaration.events = declaration.events.filter((event) => event.name);
          if (!declaration.members) continue;
          // Fields declared in `static properties` come marked public: the same as unmarked.
          for (const member of declaration.members) if (member.privacy === 'public') delete member.privacy;
          declaration.members = declaration.members.filter(
            (member) => !member.name.startsWith('#') && !member.privacy,
          );
          // Internal reactive state (`{ state: true }`, a `private` field) has no attribute, but
          // the analyzer lists one for each entry of `static properties`: drop those.
          declaration.attributes = declaration.attributes?.filter(
            (attribute) =>
              !attribute.fieldName || declaration.members.some((m) => m.name === attribute.fieldName),
          );
        }
      }
    },
  };
}

/**
 * Points the manifest at the JavaScript that is published: the analyzer reads `src/**.ts`, but
 * tools that import a module by its manifest path (editors, Storybook in a partner's project)
 * find `dist/**.js` in the package.
 */
function shippedPaths() {
  const toDist = (path) => path.replace(/^src\//, 'dist/').replace(/\.ts$/, '.js');
  return {
    name: 'kabar-shipped-paths',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        mod.path = toDist(mod.path);
        for (const exported of mod.exports ?? []) {
          if (exported.declaration?.module) exported.declaration.module = toDist(exported.declaration.module);
        }
        for (const declaration of mod.declarations ?? []) {
          for (const ref of [
            declaration.superclass,
            ...(declaration.members ?? []).map((m) => m.inheritedFrom),
          ]) {
            if (ref?.module) ref.module = toDist(ref.module);
          }
        }
      }
    },
  };
}

export default {
  // The shared base too: its public members (`strings`) are listed on each element.
  globs: ['src/components/*/*-element.ts', 'src/internal/kabar-element.ts'],
  outdir: '.',
  litelement: true,
  dependencies: false,
  packagejson: false,
  plugins: [publicApiOnly(), shippedPaths()],
};
