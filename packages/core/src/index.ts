/**
 * `@pccovid-inspect/core` — the pure domain core. No I/O; runs in Node, browsers and mobile
 * JavaScript runtimes. Each area lists its exports in its own `index.ts`.
 *
 * @packageDocumentation
 */
export * from './errors/index.js';
export * from './text/index.js';
export * from './contracts/index.js';
export * from './entities/index.js';
export * from './documents/index.js';
export * from './policy/index.js';
export * from './checklist/index.js';
export * from './lifecycle/index.js';
export * from './service/index.js';
