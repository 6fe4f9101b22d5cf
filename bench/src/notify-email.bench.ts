/**
 * E-mail: `size` messages (Vietnamese subject and body, Message-ID and idempotency header)
 * through `createEmailNotifier` (pooled: 5 connections, 100 messages each) vs raw nodemailer with
 * the same pool settings sending the same mails, to a local smtp-server in its own process.
 * Timed: every send until the server accepted it, then the pool closed. Goal: ours ≤ 1.3× raw.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { OutboundMessage } from '@pccovid-inspect/core';
import type { Transporter } from 'nodemailer';
import type { EmailNotifier } from '../../packages/notify-email/src/index.js';
import { runBench } from './harness.js';

const POOL = { pool: true as const, maxConnections: 5, maxMessages: 100 };
const FROM = { name: 'Sở Thông tin và Truyền thông Hà Tĩnh', address: 'kiemtra@stttt.example' };
const SUBJECT = 'Thông báo lịch kiểm tra việc triển khai quét mã QR / Inspection schedule';
const BODY = [
  'Kính gửi: Ban Giám đốc đơn vị,',
  '',
  'Đoàn kiểm tra của Sở Thông tin và Truyền thông sẽ đến kiểm tra việc triển khai hệ thống PC-Covid',
  'và quét mã QR tại đơn vị vào lúc 08 giờ 30 phút, ngày 29/11/2021. Đề nghị đơn vị bố trí người làm việc.',
  '',
  'Dear Director: the inspection team will visit on 29/11/2021 at 08:30.',
].join('\n');

const addressOf = (id: string) => `${id}@don-vi.example`;

function messages(size: number): OutboundMessage[] {
  return Array.from({ length: size }, (_, i) => ({
    key: `bench-${String(i).padStart(6, '0')}`,
    channel: 'email',
    recipient: { role: 'target-representative', id: `rep-${i}` },
    topic: 'visit.scheduled',
    subject: `${SUBJECT} (${i + 1})`,
    body: BODY,
    refs: { visitId: `visit-${i}` },
    attempt: 1,
    attachments: [],
  }));
}

/** Starts the sink process (untimed) and returns its port. */
async function startSink(): Promise<{ port: number; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./notify-email-sink.ts', import.meta.url))], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let buffer = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffer += chunk;
      const nl = buffer.indexOf('\n');
      if (nl >= 0) resolve((JSON.parse(buffer.slice(0, nl)) as { port: number }).port);
    });
    child.once('exit', (code) => reject(new Error(`the SMTP sink exited (${code})`)));
  });
  return { port, child };
}

const stopSink = (child: ChildProcess) => {
  child.stdin!.end();
};

interface Prepared {
  child: ChildProcess;
  list: OutboundMessage[];
}

await runBench(
  {
    name: 'notify-email',
    work: (size) => `${size.toLocaleString('en')} e-mails (Vietnamese subject/body) over a pool of 5 SMTP connections to smtp-server on 127.0.0.1 (own process)`,
    sizes: [100, 1_000, 10_000],
    quickSizes: [100],
    goalRatio: 1.3,
    goalRatioSizes: [10_000],
    opsPerRun: (size) => size,
    opLabel: 'mail',
    capMs: 300_000,
    ours: {
      setup: async (ctx) => {
        const { port, child } = await startSink();
        const { createEmailNotifier } = await import('../../packages/notify-email/src/index.js');
        const notifier = createEmailNotifier({ transport: { host: '127.0.0.1', port, ...POOL }, from: FROM, resolveAddress: (r) => addressOf(r.id) });
        return { child, list: messages(ctx.size), notifier };
      },
      run: async (prepared, ctx) => {
        const { child, list, notifier } = prepared as Prepared & { notifier: EmailNotifier };
        let done = 0;
        await Promise.all(
          list.map(async (m) => {
            // As core's deliverer does: one signal per message (its per-message timeout).
            await notifier.send(m, { signal: new AbortController().signal });
            ctx.progress(++done);
          }),
        );
        await notifier.dispose();
        stopSink(child);
      },
    },
    raw: {
      setup: async (ctx) => {
        const { port, child } = await startSink();
        const { default: nodemailer } = await import('nodemailer');
        const transporter = nodemailer.createTransport({ host: '127.0.0.1', port, ...POOL, socketTimeout: 60_000, connectionTimeout: 30_000, greetingTimeout: 30_000 });
        return { child, list: messages(ctx.size), transporter };
      },
      run: async (prepared, ctx) => {
        const { child, list, transporter } = prepared as Prepared & { transporter: Transporter };
        let done = 0;
        await Promise.all(
          list.map(async (m) => {
            await transporter.sendMail({
              from: FROM,
              to: addressOf(m.recipient.id),
              subject: m.subject,
              text: m.body,
              messageId: `<${m.key}@pccovid-inspect>`,
              headers: { 'X-PCCI-Idempotency-Key': m.key, 'X-PCCI-Topic': m.topic },
            });
            ctx.progress(++done);
          }),
        );
        transporter.close();
        stopSink(child);
      },
    },
  },
  import.meta.url,
);
