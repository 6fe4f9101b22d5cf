import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/**
 * The folder whose `packages/<name>/src` the suite runs against: the repository itself, or
 * `PCCI_RELIABILITY_PACKAGES` (another checkout or a `git archive` export, e.g. to attack a
 * consistent commit while a package is mid-change in the working tree).
 */
export function packagesRoot(): string {
  return process.env.PCCI_RELIABILITY_PACKAGES ? resolve(process.env.PCCI_RELIABILITY_PACKAGES) : REPO_ROOT;
}

/** vite aliases from `@pccovid-inspect/<name>[/<sub>]` to that root's sources (as `vitest.shared.ts` does for the repository). */
export function reliabilityAliases(): { find: RegExp; replacement: string }[] {
  const root = packagesRoot();
  const out: { find: RegExp; replacement: string }[] = [];
  for (const dir of readdirSync(join(root, 'packages'))) {
    const src = join(root, 'packages', dir, 'src');
    if (!existsSync(src)) continue;
    const escaped = dir.replace(/[-]/g, '\\-');
    out.push({ find: new RegExp(`^@pccovid-inspect/${escaped}/(.+)$`), replacement: join(src, '$1', 'index.ts') });
    if (existsSync(join(src, 'index.ts'))) out.push({ find: new RegExp(`^@pccovid-inspect/${escaped}$`), replacement: join(src, 'index.ts') });
  }
  return out;
}

/** `paths` of a tsconfig for the child processes (tsx), to the same sources. */
export function tsconfigPaths(): Record<string, string[]> {
  const root = packagesRoot();
  const paths: Record<string, string[]> = {};
  for (const dir of readdirSync(join(root, 'packages'))) {
    const src = join(root, 'packages', dir, 'src');
    if (!existsSync(src)) continue;
    paths[`@pccovid-inspect/${dir}`] = [join(src, 'index.ts')];
    paths[`@pccovid-inspect/${dir}/*`] = [join(src, '*', 'index.ts')];
  }
  return paths;
}
