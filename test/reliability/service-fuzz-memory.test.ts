import { afterAll } from 'vitest';
import { createMemoryStorage } from '@pccovid-inspect/storage-memory';
import { describeServiceFuzz, recordFuzzTotals } from './support/fuzz-suite.js';

afterAll(recordFuzzTotals);
describeServiceFuzz('memory', () => createMemoryStorage(), 40);
