import { writeFileSync } from 'node:fs';
import { createSqliteStorage } from '@pccovid-inspect/storage-sqlite';

export const STATISTICS_HEADER = 'Mã đơn vị;Mã QR;Mã huyện;Ngày;Số điểm QR;Lượt quét;Người quét';
const DISTRICTS = ['436', '437', '439', '440', '441', '442', '443', '444', '445', '446', '447', '448', '449'];

/** A statistics line for row `i` (1-based): target `tg-<i % targets>` on day `i / targets` of Dec. 2021 and after. */
export function statisticsLine(i: number, targets = 500): string {
  const t = i % targets;
  const day = Math.floor(i / targets);
  const date = new Date(Date.UTC(2021, 11, 1 + day)).toISOString().slice(0, 10);
  return `tg-${t};QR-${t};${DISTRICTS[t % DISTRICTS.length]};${date};${1 + (t % 3)};${(i * 7) % 300};${(i * 5) % 200}`;
}

/**
 * Writes a statistics CSV of `rows` data rows (semicolon, CRLF, UTF-8 with BOM); rows for which
 * `bad(i)` is true get a negative scan count. Returns the number of good rows.
 */
export function writeStatisticsCsv(file: string, rows: number, bad: (i: number) => boolean = () => false): number {
  const lines = [STATISTICS_HEADER];
  let good = 0;
  for (let i = 1; i <= rows; i++) {
    if (bad(i)) lines.push(statisticsLine(i).replace(/;(\d+);(\d+)$/, ';-$1;$2'));
    else {
      lines.push(statisticsLine(i));
      good += 1;
    }
  }
  writeFileSync(file, '\uFEFF' + lines.join('\r\n') + '\r\n');
  return good;
}

/** Rows stored for the tenant (one per target and day), read back through the adapter. */
export async function countRows(db: string): Promise<number> {
  const storage = createSqliteStorage({ filename: db });
  try {
    const all = await storage.summarizePortalStatistics('42', { from: '2000-01-01', to: '2099-12-31' });
    return all.reduce((sum, s) => sum + s.days, 0);
  } finally {
    await storage.dispose();
  }
}
