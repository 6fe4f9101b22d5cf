/**
 * A writer in its own process, for the concurrency and crash tests: runs `count` commands of
 * writer `w` on the SQLite file, and after each one appends a JSON line to the acknowledgement file
 * (synchronously: a line written is a command the process saw committed, even if it is killed
 * right after).
 *
 *   tsx children/writer.ts <db file> <w> <count> <ack file> [start k]
 */
import { appendFileSync } from 'node:fs';
import { createSqliteStorage } from '@pccovid-inspect/storage-sqlite';
import { writerCommand, writerService } from '../support/writer.js';

const [db, wArg, countArg, ackFile, startArg] = process.argv.slice(2);
const w = Number(wArg);
const count = Number(countArg);
const start = Number(startArg ?? '0');
const storage = createSqliteStorage({ filename: db!, busyTimeoutMs: 20_000 });
const service = writerService(storage);
appendFileSync(ackFile!, `${JSON.stringify({ ready: true, w })}\n`);
for (let k = start; k < start + count; k++) {
  const result = await writerCommand(service, w, k);
  appendFileSync(ackFile!, `${JSON.stringify(result)}\n`);
}
await storage.dispose();
