import type { Compilable, CompiledQuery, Kysely, QueryResult } from 'kysely';
import type { Database } from '../schema.js';

/**
 * The store's frequent statements (an idle account's reads and writes every tick) built and
 * compiled by Kysely once per shape, then run again with new values: building a query and
 * compiling it costs more CPU than its round trip (about 0.1 to 0.25 ms a query against 0.05 ms
 * for pg itself; README, "Scale").
 *
 * `shape` names the statement and everything that changes its SQL (which filters are present,
 * how long an `in` list is); `values` are every value it binds, in a fixed order, and `build`
 * makes the query from them. The first run builds it with a marker for each value, finds where
 * each marker landed among the compiled parameters, and keeps the SQL; later runs put the values
 * there. The SQL is the same as the builder's, on either engine (compiled by each database's own
 * Kysely). A transaction is a Kysely of its own, so its statements are compiled afresh (cheap:
 * transactions are rare on the hot path).
 */

const MARK = '\u0000followup-value-';

interface Template {
  compiled: CompiledQuery;
  /** For each compiled parameter: the index of the value it takes, or the constant it keeps. */
  slots: ({ value: number } | { constant: unknown })[];
}

const templates = new WeakMap<Kysely<Database>, Map<string, Template>>();

export async function runCompiledOnce<R>(db: Kysely<Database>, shape: string, values: readonly unknown[], build: (values: readonly unknown[]) => Compilable<R>): Promise<QueryResult<R>> {
  let byShape = templates.get(db);
  if (!byShape) {
    byShape = new Map();
    templates.set(db, byShape);
  }
  let t = byShape.get(shape);
  if (!t) {
    const compiled = build(values.map((_, i) => `${MARK}${i}`)).compile();
    const slots = compiled.parameters.map((p) => (typeof p === 'string' && p.startsWith(MARK) ? { value: Number(p.slice(MARK.length)) } : { constant: p }));
    const used = new Set(slots.flatMap((s) => ('value' in s ? [s.value] : [])));
    // A value the query did not bind as a parameter (put into the SQL text, or transformed) would
    // be frozen at its first value: refuse the shape instead of running it wrong.
    if (used.size !== values.length) throw new Error(`store: statement "${shape}" binds ${used.size} of its ${values.length} values as parameters; it cannot be reused.`);
    t = { compiled, slots };
    byShape.set(shape, t);
  }
  const parameters = t.slots.map((s) => ('value' in s ? values[s.value] : s.constant));
  return db.executeQuery<R>({ ...(t.compiled as CompiledQuery<R>), parameters });
}
