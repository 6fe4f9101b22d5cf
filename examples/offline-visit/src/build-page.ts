/**
 * Bundles the page (`src/page/main.ts`) and its service worker (`src/page/sw.ts`) with esbuild,
 * in memory: what `serve.ts` serves and `size.ts` measures.
 *
 * The page imports only `validateChecklistResponse` (and types) from `@pccovid-inspect/core`;
 * core is `sideEffects: false`, so esbuild drops the service, documents and lifecycle code. What
 * remains is mostly zod: core's schemas use zod's classic API (`z.object().extend().refine()`), so
 * `zod/mini` is not possible without changing core. zod's `z` namespace re-exports
 * `z.locales` — the error messages of ~50 languages, about 260 KB minified — which no bundler
 * can drop once the namespace is used as an object. `leanZod` (on by default) replaces that
 * table with English (zod's default) and Vietnamese only; core's own messages are bilingual anyway.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const packages = resolve(here, '../../../packages');

/** The files the page downloads. */
export interface PageFiles {
  html: string;
  /** The page's bundle (`/app.js`). */
  app: string;
  /** The service worker (`/sw.js`), fetched by the browser once it is registered. */
  sw: string;
}

/** Options of {@link buildPage}. */
export interface BuildPageOptions {
  /** Minify (default `true`). */
  minify?: boolean;
  /** Keep only zod's English and Vietnamese messages (default `true`). */
  leanZod?: boolean;
}

/** zod's locale table, reduced to `en` and `vi` (zod 4: `v4/locales/index.js`). */
function leanZodLocales(): Plugin {
  return {
    name: 'lean-zod-locales',
    setup(b) {
      b.onResolve({ filter: /\/locales\/index\.js$/ }, (args) =>
        /[\\/]zod[\\/]/.test(args.importer) ? { path: join(dirname(args.importer), '../locales/index.js'), namespace: 'lean-zod' } : undefined,
      );
      b.onLoad({ filter: /.*/, namespace: 'lean-zod' }, (args) => ({
        contents: 'export { default as en } from "./en.js";\nexport { default as vi } from "./vi.js";\n',
        resolveDir: dirname(args.path),
        loader: 'js',
      }));
    },
  };
}

/** Bundles the page and its service worker. */
export async function buildPage(options: BuildPageOptions = {}): Promise<PageFiles> {
  const minify = options.minify ?? true;
  const require = createRequire(join(packages, 'core', 'package.json'));
  // zod as core resolves it (the page imports core's sources, which import `zod`).
  const zodDir = dirname(require.resolve('zod/package.json'));
  const common = {
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    minify,
    legalComments: 'none',
    alias: { '@pccovid-inspect/core': join(packages, 'core', 'src', 'index.ts'), zod: zodDir },
  } as const;
  const [app, sw, html] = await Promise.all([
    build({ ...common, entryPoints: [join(here, 'page', 'main.ts')], plugins: options.leanZod === false ? [] : [leanZodLocales()] }),
    build({ ...common, entryPoints: [join(here, 'page', 'sw.ts')] }),
    readFile(join(here, 'page', 'index.html'), 'utf8'),
  ]);
  return { html, app: app.outputFiles[0]?.text ?? '', sw: sw.outputFiles[0]?.text ?? '' };
}
