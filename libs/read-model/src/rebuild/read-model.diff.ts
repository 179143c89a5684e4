import type { ReadModelDump } from '../read-model.port';
import { TABLE_KEYS } from '../store/dump-tables';

export interface ReadModelDifference {
  table: string;
  /** Primary key of the row, e.g. `TC.0789` or `TC.0789/1`. */
  key: string;
  /** missing: the rebuild has it, live does not; unexpected: live has a row the log cannot produce. */
  kind: 'missing' | 'unexpected' | 'changed';
  /** For `changed`: the columns that differ with both values. */
  columns?: Record<string, { live: unknown; rebuilt: unknown }>;
}

/** Row-by-row comparison of the live read model with a rebuild of the same position. */
export function diffReadModels(live: ReadModelDump, rebuilt: ReadModelDump): ReadModelDifference[] {
  const differences: ReadModelDifference[] = [];
  for (const [table, keyColumns] of Object.entries(TABLE_KEYS)) {
    const keyOf = (row: Record<string, unknown>) => keyColumns.map((c) => String(row[c])).join('/');
    const liveRows = new Map((live[table] ?? []).map((row) => [keyOf(row), row]));
    const rebuiltRows = new Map((rebuilt[table] ?? []).map((row) => [keyOf(row), row]));
    for (const [key, row] of rebuiltRows) {
      const current = liveRows.get(key);
      if (!current) {
        differences.push({ table, key, kind: 'missing' });
        continue;
      }
      const columns: NonNullable<ReadModelDifference['columns']> = {};
      for (const column of new Set([...Object.keys(row), ...Object.keys(current)])) {
        if (JSON.stringify(current[column]) !== JSON.stringify(row[column])) {
          columns[column] = { live: current[column], rebuilt: row[column] };
        }
      }
      if (Object.keys(columns).length > 0) differences.push({ table, key, kind: 'changed', columns });
    }
    for (const key of liveRows.keys()) {
      if (!rebuiltRows.has(key)) differences.push({ table, key, kind: 'unexpected' });
    }
  }
  return differences;
}
