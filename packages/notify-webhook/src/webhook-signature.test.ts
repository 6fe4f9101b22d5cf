import { describe, expect, it } from 'vitest';
import { createHmac } from 'node:crypto';
import { signWebhookPayload, verifyWebhookSignature } from './webhook-signature.js';

const secret = 'whsec-test';
const body = '{"key":"m-1","subject":"Lịch kiểm tra"}';
const timestamp = 1_638_150_000;
const now = timestamp * 1000 + 5_000;

describe('webhook signatures', () => {
  it('is v1= hex HMAC-SHA256 of "<timestamp>.<raw body>"', () => {
    const expected = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
    expect(signWebhookPayload({ secret, timestamp, body })).toBe(`v1=${expected}`);
    expect(signWebhookPayload({ secret: new TextEncoder().encode(secret), timestamp: String(timestamp), body: Buffer.from(body) })).toBe(`v1=${expected}`);
  });

  it('verifies a good signature, from string or bytes, within the tolerance', () => {
    const signature = signWebhookPayload({ secret, timestamp, body });
    expect(verifyWebhookSignature({ secret, timestamp: String(timestamp), body, signature, now })).toBe(true);
    expect(verifyWebhookSignature({ secret, timestamp, body: Buffer.from(body), signature, now: new Date(now) })).toBe(true);
    expect(verifyWebhookSignature({ secret, timestamp, body, signature: `v1=${'0'.repeat(64)}, ${signature}`, now })).toBe(true);
  });

  it('refuses a changed body, another secret, a stale or future timestamp, and malformed headers', () => {
    const signature = signWebhookPayload({ secret, timestamp, body });
    const ok = { secret, timestamp: String(timestamp), body, signature, now };
    expect(verifyWebhookSignature({ ...ok, body: body.replace('m-1', 'm-2') })).toBe(false);
    expect(verifyWebhookSignature({ ...ok, secret: 'other' })).toBe(false);
    expect(verifyWebhookSignature({ ...ok, now: now + 301_000 })).toBe(false);
    expect(verifyWebhookSignature({ ...ok, now: now - 310_000 })).toBe(false);
    expect(verifyWebhookSignature({ ...ok, now: now + 301_000, toleranceSeconds: 600 })).toBe(true);
    expect(verifyWebhookSignature({ ...ok, timestamp: String(timestamp + 1) })).toBe(false);
    expect(verifyWebhookSignature({ ...ok, timestamp: undefined })).toBe(false);
    expect(verifyWebhookSignature({ ...ok, timestamp: '1.5e9' })).toBe(false);
    expect(verifyWebhookSignature({ ...ok, signature: undefined })).toBe(false);
    expect(verifyWebhookSignature({ ...ok, signature: signature.replace('v1=', 'v0=') })).toBe(false);
    expect(verifyWebhookSignature({ ...ok, signature: 'v1=abc' })).toBe(false);
    expect(verifyWebhookSignature({ ...ok, signature: [signature, signature] })).toBe(false);
  });
});
