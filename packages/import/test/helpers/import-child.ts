/**
 * Child process of the crash test: imports a statistics CSV into a SQLite file with a checkpoint,
 * printing "batch <rows>" after every batch, so the parent can SIGKILL it mid-import.
 * argv: <csv> <db> <checkpoint> <quarantine>
 */
import { HA_TINH_2021_DISTRICTS } from '@pccovid-inspect/province-ha-tinh';
import { createSqliteStorage } from '@pccovid-inspect/storage-sqlite';
import { importPortalStatistics } from '../../src/index.js';

const [file = '', db = '', checkpointFile = '', quarantineFile = ''] = process.argv.slice(2);
const storage = createSqliteStorage({ filename: db });
const summary = await importPortalStatistics({
  file,
  storage,
  tenantId: '42',
  referenceUnits: HA_TINH_2021_DISTRICTS,
  onError: 'quarantine',
  quarantineFile,
  checkpointFile,
  batchSize: 250,
  onProgress: (p) => process.stdout.write(`batch ${p.rows}\n`),
});
await storage.dispose();
process.stdout.write(`done ${JSON.stringify(summary)}\n`);
