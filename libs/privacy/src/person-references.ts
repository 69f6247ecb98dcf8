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

/**
 * Columns naming the person who acted on somebody else's record: decided their question,
 * deleted their message, muted them, took them live, talked to them at a booth, invited them,
 * wrote an audit entry about them. Such a row is not the person's own data (GDPR Art. 15(4)):
 * the export says what they did with the listed columns only, never the other person's content
 * or id. Every other reference makes the row the person's own.
 */
export const actedOnOthers: Readonly<Record<string, readonly string[]>> = {
  'questions.decided_by_id': ['id', 'event_id', 'session_id', 'state', 'decided_at'],
  'chat_messages.deleted_by_id': ['id', 'event_id', 'room', 'deleted_at'],
  'chat_mutes.muted_by_id': ['id', 'event_id', 'room', 'until', 'created_at'],
  'live_speakers.taken_live_by_id': ['session_id', 'event_id', 'created_at'],
  'booth_conversations.staff_id': ['id', 'booth_id', 'state', 'accepted_at', 'ended_at'],
  'invitations.invited_by_id': ['id', 'event_id', 'role', 'created_at'],
  'audit_logs.actor_id': ['id', 'event_id', 'action', 'target_type', 'created_at'],
};

export function referenceKey(ref: Pick<PersonReference, 'table' | 'column'>): string {
  return `${ref.table}.${ref.column}`;
}

/** Columns left out of every export: secrets that would let someone act as the person. */
export const exportDenylist = new Set(['password_hash', 'token_hash', 'previous_token_hash']);
