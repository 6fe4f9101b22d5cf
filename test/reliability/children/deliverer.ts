/**
 * A deliverer in its own process, for the two-deliverers and kill tests: runs `deliverOutbox` in a
 * loop on the SQLite file, through notify-email to the test's SMTP server on 127.0.0.1:<port>,
 * with its clock fixed at <instant>, until a run finds nothing to do. After each run it appends
 * the report as a JSON line to the acknowledgement file (synchronously). With a go file, it
 * waits for that file to exist before the first run (so two deliverers start together).
 *
 *   tsx children/deliverer.ts <db file> <port> <instant> <ack file> [go file]
 */
import { appendFileSync, existsSync } from 'node:fs';
import { createFixedClock } from '@pccovid-inspect/core';
import { createSqliteStorage } from '@pccovid-inspect/storage-sqlite';
import { A, delivererService, idle, testEmailNotifier } from '../support/delivery-round.js';

const [db, portArg, instant, ackFile, goFile] = process.argv.slice(2);
const storage = createSqliteStorage({ filename: db!, busyTimeoutMs: 20_000 });
const email = testEmailNotifier(Number(portArg));
const service = delivererService(storage, createFixedClock(instant!), email, { batchSize: 4, concurrency: 2, timeoutMs: 10_000 });
appendFileSync(ackFile!, `${JSON.stringify({ ready: true, pid: process.pid })}\n`);
if (goFile) while (!existsSync(goFile)) await new Promise((r) => setTimeout(r, 5));
for (;;) {
  const report = await service.deliverOutbox(A.lead, {});
  appendFileSync(ackFile!, `${JSON.stringify(report)}\n`);
  if (idle(report)) break;
}
await email.dispose();
await storage.dispose();
