import { CompiledQuery, type Kysely } from 'kysely';
import type { ReadModelDialect } from '../schema/read-model.migrations';
import type { ReadModelDatabase } from '../schema/read-model.tables';

/** Largest chunk of rows in one statement; chunks are powers of two so only a few SQL texts ever exist. */
const MAX_CHUNK = 512;
/** Bound parameters per statement: under SQLite's 32,766 and PostgreSQL's 65,535. */
const MAX_PARAMETERS = 30_000;

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

export interface BulkTable<Row> {
  table: keyof ReadModelDatabase;
  columns: readonly (keyof Row & string)[];
  /** Upsert on this primary-key column: the other columns take the new row's values. */
  upsertOn?: keyof Row & string;
}

const texts = new Map<string, string>();

/**
 * SQL text of a multi-row INSERT (or upsert) of `count` rows, built once per shape and dialect. Written
 * by hand rather than through Kysely's builder: building and camel-casing a node per value was 15 % of a
 * rebuild, and the same text is valid SQLite and PostgreSQL except for the placeholders.
 */
function insertText<Row>(dialect: ReadModelDialect, spec: BulkTable<Row>, count: number): string {
  const id = `${dialect}|${spec.table}|${spec.columns.join(',')}|${spec.upsertOn ?? ''}|${count}`;
  const known = texts.get(id);
  if (known) return known;
  const width = spec.columns.length;
  const placeholder = dialect === 'postgres' ? (n: number) => `$${n + 1}` : () => '?';
  const tuples: string[] = [];
  for (let row = 0; row < count; row++) {
    const slots: string[] = [];
    for (let column = 0; column < width; column++) slots.push(placeholder(row * width + column));
    tuples.push(`(${slots.join(', ')})`);
  }
  const quoted = spec.columns.map((c) => `"${snake(c)}"`);
  let text = `insert into "${snake(spec.table)}" (${quoted.join(', ')}) values ${tuples.join(', ')}`;
  if (spec.upsertOn) {
    const key = snake(spec.upsertOn);
    const updates = quoted.filter((c) => c !== `"${key}"`).map((c) => `${c} = excluded.${c}`);
    text += ` on conflict ("${key}") do update set ${updates.join(', ')}`;
  }
  texts.set(id, text);
  return text;
}

/**
 * Writes `rows` with as few statements as the parameter limit allows. A missing value is bound as NULL,
 * which a NOT NULL column refuses just as an omitted column would.
 */
export async function bulkInsert<Row>(
  db: Kysely<ReadModelDatabase>,
  dialect: ReadModelDialect,
  spec: BulkTable<Row>,
  rows: readonly Row[],
): Promise<void> {
  const width = spec.columns.length;
  const largest = Math.min(MAX_CHUNK, 2 ** Math.floor(Math.log2(MAX_PARAMETERS / width)));
  let at = 0;
  while (at < rows.length) {
    let chunk = largest;
    while (chunk > rows.length - at) chunk /= 2;
    const parameters: unknown[] = new Array(chunk * width);
    for (let row = 0; row < chunk; row++) {
      const source = rows[at + row] as Record<string, unknown>;
      for (let column = 0; column < width; column++)
        parameters[row * width + column] = source[spec.columns[column]] ?? null;
    }
    await db.executeQuery(CompiledQuery.raw(insertText(dialect, spec, chunk), parameters));
    at += chunk;
  }
}
