/**
 * A writer in its own process on PostgreSQL, for the PostgreSQL concurrency and crash tests (the
 * SQLite `writer.ts` with `createPostgresStorage`): runs `count` commands of writer `w` on the
 * database, and after each one appends a JSON line to the acknowledgement file (synchronously: a
 * line written is a command the process saw committed, even if it is killed right after).
 *
 * With a go file, it waits for that file to exist before its first command (so the writers start
 * together, after every process has paid its start-up).
 *
 *   tsx children/pg-writer.ts <database url> <w> <count> <ack file> [start k] [go file]
 */
import { appendFileSync, existsSync } from 'node:fs';
import { createPostgresStorage } from '@pccovid-inspect/storage-postgres';
import { writerCommand, writerService } from '../support/writer.js';

const [url, wArg, countArg, ackFile, startArg, goFile] = process.argv.slice(2);
const w = Number(wArg);
const count = Number(countArg);
const start = Number(startArg ?? '0');
const storage = await createPostgresStorage({ connectionString: url!, poolSize: 2, statementTimeoutMs: 60_000, connectTimeoutMs: 60_000 });
const service = writerService(storage);
appendFileSync(ackFile!, `${JSON.stringify({ ready: true, w })}\n`);
if (goFile) while (!existsSync(goFile)) await new Promise((r) => setTimeout(r, 5));
for (let k = start; k < start + count; k++) {
  const result = await writerCommand(service, w, k);
  appendFileSync(ackFile!, `${JSON.stringify(result)}\n`);
}
await storage.dispose();
