import { expect, it } from 'vitest';
import * as api from '../src/index.js';

it('exports exactly the documented surface', () => {
  expect(Object.keys(api).sort()).toEqual([
    'HttpProblem',
    'PROBLEM_MEDIA_TYPE',
    'PROBLEM_STATUS',
    'buildOpenApiDocument',
    'createInspectionServer',
    'createJwtVerifier',
    'createMemoryIdempotencyStore',
    'endpointsOf',
    'listen',
    'resolveActorFromClaims',
    'toProblemDetails',
  ]);
});
