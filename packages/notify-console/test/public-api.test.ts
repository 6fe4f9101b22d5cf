import { expect, it } from 'vitest';
import * as api from '../src/index.js';

it('exports exactly the documented surface', () => {
  expect(Object.keys(api).sort()).toEqual(['createConsoleNotifier', 'formatConsoleMessage']);
});
