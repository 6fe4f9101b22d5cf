import { readdirSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import type { Alias } from 'vite';

const root = dirname(fileURLToPath(import.meta.url));

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
