import Database from 'better-sqlite3';

interface CountRow {
  tenant_id: string;
  collection: string;
  field?: string;
  n: number;
}

/**
 * The trigger-kept counts of a SQLite file (`record_counts`, `index_value_counts`; rows at 0 left
 * out) next to the same counts recomputed from `records` and `record_indexes`: a test expects the
 * two to be equal.
 */
export function countsOfFile(filename: string): { kept: { records: CountRow[]; indexRows: CountRow[] }; recounted: { records: CountRow[]; indexRows: CountRow[] } } {
  const db = new Database(filename, { readonly: true, fileMustExist: true });
  try {
    const all = (sql: string) => db.prepare(sql).all() as CountRow[];
    return {
      kept: {
        records: all('SELECT tenant_id, collection, n FROM record_counts WHERE n <> 0 ORDER BY tenant_id, collection'),
        indexRows: all('SELECT tenant_id, collection, field, n FROM index_value_counts WHERE n <> 0 ORDER BY tenant_id, collection, field'),
      },
      recounted: {
        records: all('SELECT tenant_id, collection, COUNT(*) AS n FROM records GROUP BY tenant_id, collection ORDER BY tenant_id, collection'),
        indexRows: all('SELECT tenant_id, collection, field, COUNT(*) AS n FROM record_indexes GROUP BY tenant_id, collection, field ORDER BY tenant_id, collection, field'),
      },
    };
  } finally {
    db.close();
  }
}
