/**
 * A deliverer in its own process on PostgreSQL, for the PostgreSQL delivery test (the SQLite
 * `deliverer.ts` with `createPostgresStorage`): runs `deliverOutbox` in a loop on the database,
 * through notify-email to the test's SMTP server on 127.0.0.1:<port>, its clock fixed at
 * <instant>, until a run finds nothing to do. After each run it appends the report as a JSON line
 * to the acknowledgement file (synchronously). With a go file, it waits for that file to exist
 * before the first run (so two deliverers start together).
 *
 *   tsx children/pg-deliverer.ts <database url> <port> <instant> <ack file> [go file]
 */
import { appendFileSync, existsSync } from 'node:fs';
import { createFixedClock } from '@pccovid-inspect/core';
import { createPostgresStorage } from '@pccovid-inspect/storage-postgres';
import { A, delivererService, idle, testEmailNotifier } from '../support/delivery-round.js';

const [url, portArg, instant, ackFile, goFile] = process.argv.slice(2);
const storage = await createPostgresStorage({ connectionString: url!, poolSize: 3, statementTimeoutMs: 60_000, connectTimeoutMs: 60_000 });
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
