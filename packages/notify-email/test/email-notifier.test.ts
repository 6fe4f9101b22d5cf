import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import nodemailer from 'nodemailer';
import { generate } from 'selfsigned';
import { NotificationError } from '@pccovid-inspect/core';
import { NOTIFIER_VIETNAMESE_LETTERS, conformanceMessage, conformancePdfAttachment } from '@pccovid-inspect/testkit/notifier';
import { createEmailNotifier, type EmailNotifier, type EmailNotifierOptions } from '../src/index.js';
import { startSmtpSink, type SmtpSinkOptions } from './smtp-sink.js';

const FROM = { name: 'Sở Thông tin và Truyền thông Hà Tĩnh', address: 'kiemtra@stttt.example' };
const addressOf = (id: string) => `${id}@so-y-te.example`;
const live = () => new AbortController().signal;

let cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.reverse()) await c();
  cleanups = [];
});

async function setup(sinkOptions: SmtpSinkOptions = {}, notifierOptions: Partial<EmailNotifierOptions> = {}, transport: Record<string, unknown> = {}) {
  const sink = await startSmtpSink(sinkOptions);
  const notifier = createEmailNotifier({
    transport: { host: sink.host, port: sink.port, ...transport },
    from: FROM,
    resolveAddress: (r) => (r.id === 'nobody' ? null : addressOf(r.id)),
    ...notifierOptions,
  });
  cleanups.push(
    () => sink.stop(),
    () => notifier.dispose(),
  );
  return { sink, notifier };
}

async function failure(p: Promise<unknown>): Promise<NotificationError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(NotificationError.isInstance(e), `expected a NotificationError, got ${String(e)}`).toBe(true);
  return e as NotificationError;
}

/** Every string of an error and its causes, to look for addresses in. */
const allText = (e: unknown): string => {
  const parts: string[] = [];
  for (let c: unknown = e; c; c = (c as { cause?: unknown }).cause) parts.push(String((c as Error).message), String((c as Error).stack), JSON.stringify(c));
  return parts.join('\n');
};

describe('createEmailNotifier against a real SMTP server', () => {
  it('sends a Vietnamese subject as RFC 2047 encoded words that parse back with every diacritic, NFC', async () => {
    const { sink, notifier } = await setup();
    const m = conformanceMessage();
    await notifier.send({ ...m, subject: m.subject.normalize('NFD') }, { signal: live() });
    const [got] = sink.messages;
    const head = got!.raw.subarray(0, got!.raw.indexOf('\r\n\r\n')).toString('latin1');
    expect([...head].every((ch) => ch.charCodeAt(0) < 128)).toBe(true);
    expect(head).toMatch(/^Subject: =\?UTF-8\?[BQ]\?/m);
    expect(got!.parsed.subject).toBe(m.subject);
    expect([...NOTIFIER_VIETNAMESE_LETTERS].filter((ch) => !got!.parsed.subject!.includes(ch))).toEqual([]);
    expect(got!.parsed.from?.value).toEqual([{ name: FROM.name, address: FROM.address }]);
    expect(got!.parsed.text?.trimEnd()).toBe(m.body);
    expect(got!.to).toEqual([addressOf(m.recipient.id)]);
  });

  it('derives Message-ID from the key and sends X-PCCI-Idempotency-Key, the same on a re-send, with Reply-To', async () => {
    const { sink, notifier } = await setup({}, { replyTo: 'doan-kiem-tra@stttt.example' });
    const m = conformanceMessage({ key: '01JD6Q9Z3W-visit-12' });
    const result = await notifier.send(m, { signal: live() });
    await notifier.send({ ...m, attempt: 2 }, { signal: live() });
    expect(result).toEqual({ providerMessageId: '<01JD6Q9Z3W-visit-12@pccovid-inspect>' });
    expect(sink.messages.map((x) => x.parsed.messageId)).toEqual(['<01JD6Q9Z3W-visit-12@pccovid-inspect>', '<01JD6Q9Z3W-visit-12@pccovid-inspect>']);
    expect(sink.messages.map((x) => x.parsed.headers.get('x-pcci-idempotency-key'))).toEqual([m.key, m.key]);
    expect(sink.messages[0]!.parsed.headers.get('x-pcci-topic')).toBe('visit.scheduled');
    expect(sink.messages[0]!.parsed.replyTo?.value[0]?.address).toBe('doan-kiem-tra@stttt.example');
  });

  it('passes a PDF and a larger binary attachment through byte for byte, with Vietnamese file names', async () => {
    const { sink, notifier } = await setup();
    const pdf = conformancePdfAttachment();
    const big = { filename: 'Phụ lục kết quả.pdf', contentType: 'application/pdf', content: new Uint8Array(Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(400_000)])) };
    await notifier.send(conformanceMessage({ attachments: [pdf, big] }), { signal: live() });
    const files = sink.messages[0]!.parsed.attachments;
    expect(files.map((f) => [f.filename, f.contentType])).toEqual([
      [pdf.filename, 'application/pdf'],
      [big.filename, 'application/pdf'],
    ]);
    expect(files[0]!.content.equals(Buffer.from(pdf.content))).toBe(true);
    expect(files[1]!.content.equals(Buffer.from(big.content))).toBe(true);
  });

  it.each(['PLAIN', 'LOGIN'] as const)('logs in with AUTH %s', async (method) => {
    const auth = { user: 'pcci', pass: 'mật-khẩu-thử' };
    const { sink, notifier } = await setup({ auth: { ...auth, methods: [method] } }, {}, { auth });
    await notifier.send(conformanceMessage(), { signal: live() });
    expect(sink.logins).toEqual([{ method, user: 'pcci', secure: false }]);
    expect(sink.messages[0]!.user).toBe('pcci');
  });

  it('keeps a message whose login is refused (transient: the credentials need fixing, not the message)', async () => {
    const { notifier } = await setup({ auth: { user: 'pcci', pass: 'right' } }, {}, { auth: { user: 'pcci', pass: 'wrong' } });
    const e = await failure(notifier.send(conformanceMessage(), { signal: live() }));
    expect(e).toMatchObject({ permanent: false, reason: 'SMTP auth failed' });
    expect(e.hint).toMatch(/auth\.pass/);
  });

  describe('STARTTLS with a self-signed certificate', () => {
    let pems: { cert: string; key: string };
    beforeAll(async () => {
      const made = await generate([{ name: 'commonName', value: 'localhost' }], {
        keySize: 2048,
        algorithm: 'sha256',
        extensions: [
          {
            name: 'subjectAltName',
            altNames: [
              { type: 7, ip: '127.0.0.1' },
              { type: 2, value: 'localhost' },
            ],
          },
        ],
      });
      pems = { cert: made.cert, key: made.private };
    }, 60_000);

    it('upgrades with STARTTLS before logging in, trusting the certificate through tls.ca', async () => {
      const auth = { user: 'pcci', pass: 'secret' };
      const { sink, notifier } = await setup({ auth, tls: pems }, {}, { auth, requireTLS: true, tls: { ca: [pems.cert] } });
      await notifier.send(conformanceMessage(), { signal: live() });
      expect(sink.logins).toEqual([{ method: 'PLAIN', user: 'pcci', secure: true }]);
      expect(sink.messages[0]!.secure).toBe(true);
    });

    it('refuses an untrusted certificate with a transient error and sends nothing', async () => {
      const { sink, notifier } = await setup({ tls: pems }, {}, { requireTLS: true });
      const e = await failure(notifier.send(conformanceMessage(), { signal: live() }));
      expect(e.permanent).toBe(false);
      expect(sink.messages).toHaveLength(0);
    });
  });

  it('sends many messages over a small pool of reused connections', async () => {
    const { sink, notifier } = await setup({}, {}, { maxConnections: 2 });
    const sent = Array.from({ length: 40 }, () => conformanceMessage());
    await Promise.all(sent.map((m) => notifier.send(m, { signal: live() })));
    expect(new Set(sink.messages.map((x) => x.parsed.headers.get('x-pcci-idempotency-key')))).toEqual(new Set(sent.map((m) => m.key)));
    expect(sink.connections).toBeLessThanOrEqual(2);
  });

  it('rejects a recipient the server refuses (550) as permanent, without the address anywhere in the error', async () => {
    const { sink, notifier } = await setup();
    sink.mode = 'refuse';
    const e = await failure(notifier.send(conformanceMessage(), { signal: live() }));
    expect(e).toMatchObject({ code: 'NOTIFICATION_FAILED', permanent: true, reason: 'SMTP 550' });
    expect(allText(e)).not.toContain('so-y-te.example');
  });

  it('keeps a message the server defers (451) as transient', async () => {
    const { sink, notifier } = await setup();
    sink.mode = 'defer';
    const e = await failure(notifier.send(conformanceMessage(), { signal: live() }));
    expect(e).toMatchObject({ permanent: false, reason: 'SMTP 451' });
    expect(allText(e)).not.toContain('so-y-te.example');
  });

  it('rejects as transient while the server is stopped, and delivers after it is restarted', async () => {
    const { sink, notifier } = await setup();
    await notifier.send(conformanceMessage(), { signal: live() });
    await sink.stop();
    const e = await failure(notifier.send(conformanceMessage(), { signal: live() }));
    expect(e.permanent).toBe(false);
    expect(['connection refused', 'connection lost']).toContain(e.reason);
    await sink.start();
    const m = conformanceMessage();
    await notifier.send(m, { signal: live() });
    expect(sink.messages.at(-1)!.parsed.headers.get('x-pcci-idempotency-key')).toBe(m.key);
  });

  it('stops a send the server never answers when the signal aborts (transient, timeout)', async () => {
    const { sink, notifier } = await setup();
    sink.mode = 'hang';
    const controller = new AbortController();
    const pending = failure(notifier.send(conformanceMessage(), { signal: controller.signal }));
    setTimeout(() => controller.abort(), 200);
    expect(await pending).toMatchObject({ permanent: false, reason: 'timeout' });
  });

  it('also stops a send through a given transporter whose transport ignores the signal', async () => {
    const silent = nodemailer.createTransport({ name: 'silent', version: '1', send: () => undefined });
    const given = createEmailNotifier({ transport: silent, from: FROM, resolveAddress: (r) => addressOf(r.id) });
    const controller = new AbortController();
    const pending = failure(given.send(conformanceMessage(), { signal: controller.signal }));
    setTimeout(() => controller.abort(), 100);
    expect(await pending).toMatchObject({ permanent: false, reason: 'timeout' });
  });

  it('refuses a recipient without an address (permanent, no address) and one with a malformed address, sending nothing', async () => {
    const { sink, notifier } = await setup();
    expect(await failure(notifier.send(conformanceMessage({ recipient: { role: 'inspector', id: 'nobody' } }), { signal: live() }))).toMatchObject({
      permanent: true,
      reason: 'no address',
    });
    const bad = createEmailNotifier({ transport: { host: sink.host, port: sink.port }, from: FROM, resolveAddress: () => 'not an address\r\nBcc: x@y' });
    cleanups.push(() => bad.dispose());
    const e = await failure(bad.send(conformanceMessage(), { signal: live() }));
    expect(e).toMatchObject({ permanent: true, reason: 'invalid address' });
    expect(allText(e)).not.toContain('not an address');
    expect(sink.messages).toHaveLength(0);
  });

  it('keeps a message whose address lookup throws (transient)', async () => {
    const { notifier } = await setup({}, { resolveAddress: () => Promise.reject(new Error('directory down')) });
    expect(await failure(notifier.send(conformanceMessage(), { signal: live() }))).toMatchObject({ permanent: false, reason: 'address lookup failed' });
  });

  it('closes its pool on dispose, and leaves a transporter it was given open', async () => {
    const { sink, notifier } = await setup();
    await notifier.send(conformanceMessage(), { signal: live() });
    expect(sink.open()).toBe(1);
    await notifier.dispose();
    for (let i = 0; i < 100 && sink.open() > 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(sink.open()).toBe(0);

    const transporter = nodemailer.createTransport({ host: sink.host, port: sink.port, pool: true, maxConnections: 1 });
    const given: EmailNotifier = createEmailNotifier({ transport: transporter, from: FROM, resolveAddress: (r) => addressOf(r.id) });
    await given.send(conformanceMessage(), { signal: live() });
    await given.dispose();
    await transporter.sendMail({ from: FROM.address, to: addressOf('x'), subject: 'still open', text: 'ok' });
    transporter.close();
    expect(sink.messages.at(-1)!.parsed.subject).toBe('still open');
  });
});
