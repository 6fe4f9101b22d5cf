import { describeNotifierConformance, type ReceivedMessage } from '@pccovid-inspect/testkit/notifier';
import { createConsoleNotifier } from '../src/index.js';

/** Reads the printed blocks back, as a person reading the terminal would. */
function parse(lines: readonly string[]): ReceivedMessage[] {
  const out: ReceivedMessage[] = [];
  let current: { key: string; subject: string; body: string[]; role: string; id: string; inBody: boolean } | null = null;
  const flush = () => {
    if (current) out.push({ key: current.key, subject: current.subject, body: current.body.join('\n'), recipient: { role: current.role, id: current.id } });
  };
  for (const line of lines) {
    const header = /^──── \S+ · \S+ · key (\S+) · /.exec(line);
    if (header) {
      flush();
      current = { key: header[1]!, subject: '', body: [], role: '', id: '', inBody: false };
      continue;
    }
    if (!current) continue;
    const to = /^Người nhận \/ To: +(\S+) (\S+)/.exec(line);
    if (to) [current.role, current.id] = [to[1]!, to[2]!];
    else if (line.startsWith('Tiêu đề / Subject:')) current.subject = line.replace(/^Tiêu đề \/ Subject: +/, '');
    else if (line === 'Nội dung / Body:') current.inBody = true;
    else if (/^(Liên quan|Tệp) \//.test(line)) current.inBody = false;
    else if (current.inBody) current.body.push(line.replace(/^ {4}/, ''));
  }
  flush();
  return out;
}

describeNotifierConformance({
  name: 'console',
  create: () => {
    const lines: string[] = [];
    return { notifier: createConsoleNotifier({ write: (line) => lines.push(line) }), received: async () => parse(lines) };
  },
});
