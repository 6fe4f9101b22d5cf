/**
 * The SMTP server of the notify-email bench, in its own process so its work does not land in the
 * timed process: smtp-server on 127.0.0.1 (random port) that reads every message to its end and
 * accepts it. Prints `{"port":N}` on stdout, exits when its stdin closes.
 */
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';

let accepted = 0;
const server = new SMTPServer({
  logger: false,
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  closeTimeout: 50,
  onData(stream, _session, callback) {
    stream.on('data', () => undefined);
    stream.on('end', () => {
      accepted++;
      callback();
    });
  },
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ port: (server.server.address() as AddressInfo).port })}\n`);
});
process.stdin.resume();
process.stdin.on('end', () => {
  process.stderr.write(`sink accepted ${accepted}\n`);
  server.close(() => process.exit(0));
});
