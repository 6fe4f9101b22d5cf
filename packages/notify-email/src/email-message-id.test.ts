import { describe, expect, it } from 'vitest';
import { emailMessageId } from './email-message-id.js';

describe('emailMessageId', () => {
  it('is <key@pccovid-inspect> for a key made of Message-ID characters', () => {
    expect(emailMessageId('01JD6Q9Z3W')).toBe('<01JD6Q9Z3W@pccovid-inspect>');
    expect(emailMessageId('m-1.visit_2', 'stttt.hatinh.gov.vn')).toBe('<m-1.visit_2@stttt.hatinh.gov.vn>');
  });

  it('writes other characters as %XX, so distinct keys never share an id', () => {
    expect(emailMessageId('visit 12/b')).toBe('<visit%2012/b@pccovid-inspect>');
    expect(emailMessageId('a<b>@c')).toBe('<a%3Cb%3E%40c@pccovid-inspect>');
    expect(emailMessageId('Đ')).toBe('<%C4%90@pccovid-inspect>');
    expect(emailMessageId('%20')).not.toBe(emailMessageId(' '));
    expect(emailMessageId('.a..b.')).toBe('<%2Ea%2E%2Eb%2E@pccovid-inspect>');
    expect(emailMessageId('')).toBe('<%00@pccovid-inspect>');
  });
});
