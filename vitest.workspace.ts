/**
 * The one list of test projects. Each entry is a folder with its own vitest config
 * (or package.json name); `pnpm test` at the root runs them all. `test/repository` checks the
 * repository as a whole (e.g. that no tracked file points outside it).
 */
export default ['packages/*', 'examples/*', 'test/repository', 'test/reliability'];
