// The worker entry when the pool runs from source (vitest, tsx, the benches): Node 20 gives worker
// threads no loader hooks of their own (`--import tsx` in `execArgv` does not register them there),
// so this plain-JS file registers tsx in the worker, then loads the TypeScript entry. The built
// package never uses it: tsup builds `render-worker.ts` to `dist/render-worker.js`.
import { register as registerCjs } from 'tsx/cjs/api';
import { register } from 'tsx/esm/api';

registerCjs();
register();
const entry = await import('./render-worker.ts');

export default entry.default;
