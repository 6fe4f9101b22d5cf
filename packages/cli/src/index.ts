/**
 * `@pccovid-inspect/cli`: the `pccovid-inspect` command line. Every command is a thin layer over
 * the inspection service of `@pccovid-inspect/core`; `run` exposes the whole command table.
 *
 * @packageDocumentation
 */
export { runCli } from './cli.js';
export type { RunCliOptions } from './cli.js';
export type { CliIo } from './output.js';
export { EXIT_CODES, exitCodeOf } from './exit-codes.js';
export type { ExitCode } from './exit-codes.js';
export { readPlanFile } from './plan-file.js';
export type { PlanFile, PlanFileIssue } from './plan-file.js';
export { PROVINCES } from './context.js';
export type { ProvinceProfile } from './context.js';
export { renderDocumentsInPool, RENDER_FORMATS } from './render-pool/index.js';
export type { RenderFormat, RenderPoolDocument, RenderPoolFailure, RenderPoolOptions, RenderPoolProgress, RenderPoolResult, RenderPoolWorkerMemory } from './render-pool/index.js';
