import type { Options } from 'tsup';

/**
 * The build every package shares: ESM + CJS with declarations and source maps, for Node 20.
 * A package's `tsup.config.ts` passes only what differs (entries, shims, externals).
 */
export function packageBuild(overrides: Options = {}): Options {
  return {
    entry: ['src/index.ts'],
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'node20',
    ...overrides,
  };
}
