import type { EntityManager } from 'typeorm';

/** A column that holds a user id: every foreign key to `users.id`, found in the catalogue. */
export interface PersonReference {
  table: string;
  column: string;
  /** pg_constraint.confdeltype: 'c' cascade, 'n' set null, 'a'/'r' no action/restrict. */
  onDelete: string;
  /** Rows of the table that hold a person's id in this column only under this condition. */
  where?: string;
}

/**
 * Columns that hold a user id without a foreign key, each with why it cannot have one. Every
 * other reference to a person is a foreign key and is found from the schema, so a new table
 * is exported and erased without anyone remembering to list it.
 */
export const plainPersonReferences: PersonReference[] = [
  // The audit target is polymorphic (a user, a booth, a message...), so it cannot be a key.
  { table: 'audit_logs', column: 'target_id', onDelete: 'n', where: `"target_type" = 'user'` },
];

/** Columns left out of every export: secrets that would let someone act as the person. */
export const exportDenylist = new Set(['password_hash', 'token_hash', 'previous_token_hash']);

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Every single-column foreign key that points at `users.id`, from pg_catalog. */
export async function personReferences(manager: EntityManager): Promise<PersonReference[]> {
  const rows = await manager.query<Array<{ table: string; column: string; on_delete: string }>>(
    `SELECT src.relname AS table, att.attname AS column, con.confdeltype AS on_delete
     FROM pg_constraint con
     JOIN pg_class src ON src.oid = con.conrelid
     JOIN pg_namespace ns ON ns.oid = src.relnamespace
     JOIN pg_attribute att ON att.attrelid = con.conrelid AND att.attnum = con.conkey[1]
     WHERE con.contype = 'f' AND con.confrelid = 'users'::regclass
       AND array_length(con.conkey, 1) = 1 AND ns.nspname = current_schema()
     ORDER BY src.relname, att.attname`,
  );
  return [
    ...rows.map((r) => ({ table: r.table, column: r.column, onDelete: r.on_delete })),
    ...plainPersonReferences,
  ];
}

/** The references grouped by table, each with the condition that selects a person's rows. */
export function referencesByTable(refs: PersonReference[]): Map<string, string> {
  const conditions = new Map<string, string[]>();
  for (const ref of refs) {
    const condition = ref.where
      ? `(${quoteIdent(ref.column)}::text = $1::text AND ${ref.where})`
      : `${quoteIdent(ref.column)}::text = $1::text`;
    conditions.set(ref.table, [...(conditions.get(ref.table) ?? []), condition]);
  }
  return new Map([...conditions].map(([table, list]) => [table, list.join(' OR ')]));
}
