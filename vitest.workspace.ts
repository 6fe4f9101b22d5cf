/**
 * The one list of test projects. Each entry is a folder with its own vitest config
 * (or package.json name); `pnpm test` at the root runs them all.
 */
export default ['packages/*', 'examples/*'];
