/**
 * Builds the single-file bundle in memory exactly as `npm run build` does (the same rollup
 * config), once per process: for tests that need the real `kabar.min.js` without a build step.
 * Resolves to a map of file name → code; the entry is `kabar.min.js`, chunks keep their names.
 */
let built;

/** The rollup config of `kabar.min.js`, split into input and output options. */
async function bundleConfig() {
  const { default: configs } = await import('../../rollup.config.mjs');
  const config = configs.find((c) =>
    [c.output].flat().some((o) => (o.file ?? o.entryFileNames ?? '').includes('kabar.min.js')),
  );
  const { output, ...input } = config;
  return { input, output: [output].flat()[0] };
}

/**
 * Writes the bundle into `dir` exactly as `npm run build` writes it into dist/ (source maps,
 * embed.json and embed.html included), for tests that serve the files as a site would.
 */
export async function writeBundle(dir) {
  const { rollup } = await import('rollup');
  const { mkdir, writeFile } = await import('node:fs/promises');
  const { join } = await import('node:path');
  const { input, output: outputOptions } = await bundleConfig();
  const build = await rollup({ ...input, onwarn: () => {} });
  // Generated for dist/ (the TypeScript plugin insists on it), then written where asked.
  const { output } = await build.generate({ ...outputOptions, dir: 'dist' });
  await build.close();
  await mkdir(dir, { recursive: true });
  for (const file of output) {
    await writeFile(join(dir, file.fileName), file.type === 'chunk' ? file.code : file.source);
  }
}

/** The files the build writes besides the code (`embed.html`, `embed.json`), by name, from the same build. */
export async function bundleAssets() {
  return (await build()).assets;
}

export async function bundle() {
  return (await build()).chunks;
}

function build() {
  built ??= (async () => {
    const { rollup } = await import('rollup');
    const { input: inputOptions, output: outputOptions } = await bundleConfig();
    const build = await rollup({ ...inputOptions, onwarn: () => {} });
    const { output } = await build.generate({
      ...outputOptions,
      file: undefined,
      dir: 'dist',
      sourcemap: false,
    });
    await build.close();
    return {
      chunks: new Map(
        output
          .filter((o) => o.type === 'chunk')
          .map((o) => [o.isEntry ? 'kabar.min.js' : o.fileName, o.code]),
      ),
      assets: new Map(output.filter((o) => o.type === 'asset').map((o) => [o.fileName, String(o.source)])),
    };
  })();
  return built;
}
