/**
 * Builds the single-file bundle in memory exactly as `npm run build` does (the same rollup
 * config), once per process: for tests that need the real `kabar.min.js` without a build step.
 * Resolves to a map of file name → code; the entry is `kabar.min.js`, chunks keep their names.
 */
let built;

export function bundle() {
  built ??= (async () => {
    const { rollup } = await import('rollup');
    const { default: configs } = await import('../../rollup.config.mjs');
    const config = configs.find((c) =>
      [c.output].flat().some((o) => (o.file ?? o.entryFileNames ?? '').includes('kabar.min.js')),
    );
    const { output: outputOptions, ...inputOptions } = config;
    const build = await rollup({ ...inputOptions, onwarn: () => {} });
    const { output } = await build.generate({
      ...[outputOptions].flat()[0],
      file: undefined,
      dir: 'dist',
      sourcemap: false,
    });
    await build.close();
    return new Map(
      output.filter((o) => o.type === 'chunk').map((o) => [o.isEntry ? 'kabar.min.js' : o.fileName, o.code]),
    );
  })();
  return built;
}
