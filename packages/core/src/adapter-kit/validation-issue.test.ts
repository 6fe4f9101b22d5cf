import { describe, expect, it } from 'vitest';
import { InspectError, ValidationError } from '@pccovid-inspect/core';
import { checkNonEmptyText, throwValidationIssue } from '@pccovid-inspect/core/adapter-kit';
import { issueOf } from './test-support.js';

describe('throwValidationIssue', () => {
  it('throws a VALIDATION_FAILED error with one custom issue', () => {
    let thrown: unknown;
    try {
      throwValidationIssue('PutRequest', ['data', 0], 'is too large');
    } catch (error) {
      thrown = error;
    }
    expect(ValidationError.isInstance(thrown)).toBe(true);
    expect(InspectError.isInstance(thrown)).toBe(true);
    const error = thrown as ValidationError;
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.subject).toBe('PutRequest');
    expect(error.issues).toEqual([{ path: ['data', 0], code: 'custom', message: 'is too large' }]);
    expect(error.message).toContain('Invalid PutRequest (data.0): is too large');
  });
});

describe('checkNonEmptyText', () => {
  it('passes a non-empty string', () => {
    expect(() => checkNonEmptyText('get', ['id'], ' ')).not.toThrow();
  });

  it('refuses an empty string or a non-string, at the given path', () => {
    for (const value of ['', undefined, null, 1, ['a']]) {
      expect(issueOf(() => checkNonEmptyText('get', ['collection'], value))).toEqual({
        subject: 'get',
        code: 'custom',
        path: ['collection'],
        message: 'must be a non-empty string',
      });
    }
  });
});
