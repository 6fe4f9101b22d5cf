import { readdirSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = dirname(fileURLToPath(import.meta.url));

/** One resolve alias (vite's shape). */
interface Alias {
  find: RegExp;
  replacement: string;
}

/**
 * Tests import workspace packages by their public names (`@pccovid-inspect/core`,
 * `@pccovid-inspect/testkit/storage`…). These aliases point those names at each package's
 * `src/` so a test run needs no build; `pnpm run build` checks the published `dist/` separately.
 */
export function workspaceAliases(): Alias[] {
  const aliases: Alias[] = [];
  for (const dir of readdirSync(join(root, 'packages'))) {
    const src = join(root, 'packages', dir, 'src');
    if (!existsSync(src)) continue;
    const escaped = dir.replace(/[-]/g, '\\-');
    // Subpath entry points (`@pccovid-inspect/testkit/storage`) → `src/<subpath>/index.ts`.
    aliases.push({
      find: new RegExp(`^@pccovid-inspect/${escaped}/(.+)$`),
      replacement: join(src, '$1', 'index.ts'),
    });
    if (existsSync(join(src, 'index.ts'))) {
      aliases.push({ find: new RegExp(`^@pccovid-inspect/${escaped}$`), replacement: join(src, 'index.ts') });
    }
  }
  return aliases;
}

/**
 * The timeout floor of every project (each project's `vitest.config.ts` spreads it into `test`;
 * a root `test.testTimeout` would not reach them — vitest passes only CLI options down to
 * projects). The suite must pass on a loaded 2-core machine, where a test that takes 1 s alone
 * can take 5–10 s, so vitest's 5 s / 10 s defaults are too tight. This is only a floor: a heavy
 * test (spawns a process, renders thousands of rows, walks a state graph) names its own timeout,
 * and heavy setup goes in a `beforeAll` with its own timeout.
 */
export const TIMEOUT_FLOOR = { testTimeout: 30_000, hookTimeout: 60_000 } as const;
