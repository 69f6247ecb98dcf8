import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import type { IsolationLevel } from 'typeorm/driver/types/IsolationLevel';
import { User } from '@plenum/db';
import { GenerateSql, SQL_MANAGER, SQL_UUID } from '@plenum/platform';
import { actedOnOthers, plainPersonReferences, referenceKey } from './person-references';
import type { PersonReference } from './person-references';

/** A row as PostgreSQL returns it: column name to value. */
export type Row = Record<string, unknown>;

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** The condition that selects the rows holding the person ($1) in this reference. */
export function referenceCondition(ref: PersonReference): string {
  return ref.where
    ? `(${quoteIdent(ref.column)}::text = $1::text AND ${ref.where})`
    : `${quoteIdent(ref.column)}::text = $1::text`;
}

export interface ExportPlan {
  table: string;
  /** Rows that are the person's own: whole, except secrets and other people's ids. */
  own: string | null;
  /** Columns that may name other people in the person's own rows. */
  personColumns: string[];
  /** Where the person acted on others' rows: what to select, and from which rows. */
  acted: Array<{ key: string; columns: readonly string[]; condition: string }>;
}

/** How each table that refers to people is exported. */
export function exportPlan(refs: PersonReference[]): ExportPlan[] {
  const tables = new Map<string, PersonReference[]>();
  for (const ref of refs) tables.set(ref.table, [...(tables.get(ref.table) ?? []), ref]);
  return [...tables].map(([table, list]) => {
    const own = list.filter((r) => !actedOnOthers[referenceKey(r)]);
    const ownCondition = own.length ? own.map(referenceCondition).join(' OR ') : null;
    return {
      table,
      own: ownCondition,
      personColumns: [...new Set(list.filter((r) => !r.where).map((r) => r.column))],
      acted: list
        .filter((r) => actedOnOthers[referenceKey(r)])
        .map((r) => ({
          key: referenceKey(r),
          columns: actedOnOthers[referenceKey(r)]!,
          // A row that is also the person's own is exported whole already (NULL keys: not).
          condition: ownCondition
            ? `${referenceCondition(r)} AND (${ownCondition}) IS NOT TRUE`
            : referenceCondition(r),
        })),
    };
  });
}

/** Every row that refers to a person, as the export plan reads it. */
export interface ReferencingRows {
  /** The person's own rows, table by table, with the columns that may name other people. */
  own: Array<{ table: string; personColumns: string[]; rows: Row[] }>;
  /** What the person did on others' rows, by `table.column`. */
  acted: Array<{ key: string; rows: Row[] }>;
}

/**
 * A person's data: the export, whose statements follow the schema (one per table that has a
 * foreign key to `users`, planned by `exportPlan`; docs/sql lists each one the current schema
 * gives), and the erasure of the account.
 */
@Injectable()
export class PersonalDataRepository {
  constructor(private readonly db: DataSource) {}

  transaction<T>(
    work: (manager: EntityManager) => Promise<T>,
    isolation?: IsolationLevel,
  ): Promise<T> {
    return isolation ? this.db.transaction(isolation, work) : this.db.transaction(work);
  }

  /** Every single-column foreign key that points at `users.id`, from pg_catalog, and the plain ones. */
  @GenerateSql({ params: [SQL_MANAGER] })
  async personReferences(manager: EntityManager): Promise<PersonReference[]> {
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

  /** The person's account row, whole. */
  @GenerateSql({ params: [SQL_MANAGER, SQL_UUID] })
  account(manager: EntityManager, userId: string): Promise<Row[]> {
    return manager.query<Row[]>(`SELECT * FROM users WHERE id = $1`, [userId]);
  }

  /**
   * Every row that refers to the person, read in the caller's transaction: the tables come from
   * the schema's foreign keys at this moment (`personReferences`), each with its own rows whole
   * and, where the person acted on someone else's row (`actedOnOthers`), only the listed columns.
   */
  @GenerateSql({ params: [SQL_MANAGER, SQL_UUID] })
  async referencingRows(manager: EntityManager, userId: string): Promise<ReferencingRows> {
    const result: ReferencingRows = { own: [], acted: [] };
    for (const plan of exportPlan(await this.personReferences(manager))) {
      if (plan.own) {
        const rows = await manager.query<Row[]>(
          `SELECT * FROM ${quoteIdent(plan.table)} WHERE ${plan.own}`,
          [userId],
        );
        result.own.push({ table: plan.table, personColumns: plan.personColumns, rows });
      }
      for (const acted of plan.acted) {
        const rows = await manager.query<Row[]>(
          `SELECT ${acted.columns.map(quoteIdent).join(', ')} FROM ${quoteIdent(plan.table)}
             WHERE ${acted.condition}`,
          [userId],
        );
        result.acted.push({ key: acted.key, rows });
      }
    }
    return result;
  }

  /** The account with what the erasure needs: its password hash and what names the person. */
  @GenerateSql({ params: [SQL_UUID] })
  accountForErasure(
    userId: string,
  ): Promise<Pick<User, 'id' | 'email' | 'displayName' | 'passwordHash'> | null> {
    return this.db.getRepository(User).findOne({
      where: { id: userId },
      select: ['id', 'email', 'displayName', 'passwordHash'],
    });
  }

  /** Workshop seats the person holds or waits for. */
  @GenerateSql({ params: [SQL_UUID] })
  async heldSeats(userId: string): Promise<Array<{ eventId: string; sessionId: string }>> {
    const rows = await this.db.query<Array<{ event_id: string; session_id: string }>>(
      `SELECT event_id, session_id FROM workshop_registrations
       WHERE user_id = $1 AND status IN ('confirmed', 'waitlisted')`,
      [userId],
    );
    return rows.map((r) => ({ eventId: r.event_id, sessionId: r.session_id }));
  }

  /** The person's reminder deliveries not sent yet. */
  @GenerateSql({ params: [SQL_UUID] })
  async pendingDeliveryIds(userId: string): Promise<string[]> {
    const rows = await this.db.query<Array<{ id: string }>>(
      `SELECT id FROM reminder_deliveries WHERE user_id = $1 AND status = 'pending'`,
      [userId],
    );
    return rows.map((r) => r.id);
  }

  /** The person's invitations not accepted yet. */
  @GenerateSql({ params: [SQL_UUID] })
  async openInvitationIds(userId: string): Promise<string[]> {
    const rows = await this.db.query<Array<{ id: string }>>(
      `SELECT id FROM invitations WHERE user_id = $1 AND accepted_at IS NULL`,
      [userId],
    );
    return rows.map((r) => r.id);
  }

  /** A public speaker profile stays in the programme, without the person. */
  @GenerateSql({ params: [SQL_MANAGER, SQL_UUID, 'Gelöschte Person'] })
  async clearSpeakerProfiles(manager: EntityManager, userId: string, name: string): Promise<void> {
    await manager.query(
      `UPDATE speakers SET name = $2, title = '', organisation = '', biography = '',
                photo_url = NULL, links = '[]'
         WHERE user_id = $1`,
      [userId, name],
    );
  }

  /** Deletes the account; the schema's ON DELETE rules take the rest. */
  @GenerateSql({ params: [SQL_MANAGER, SQL_UUID] })
  async deleteAccount(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(`DELETE FROM users WHERE id = $1`, [userId]);
  }

  /** Audit entries about the person keep the action, not whom it was about. */
  @GenerateSql({ params: [SQL_MANAGER, SQL_UUID] })
  async clearAuditTargets(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(
      `UPDATE audit_logs SET target_id = NULL WHERE target_type = 'user' AND target_id = $1`,
      [userId],
    );
  }

  /** Audit entries whose details mention one of the strings (case-insensitive, taken literally). */
  @GenerateSql({ params: [SQL_MANAGER, [SQL_UUID, 'ada@example.org', 'Ada Lovelace']] })
  auditEntriesMentioning(
    manager: EntityManager,
    needles: string[],
  ): Promise<Array<{ id: string; details: unknown }>> {
    return manager.query<Array<{ id: string; details: unknown }>>(
      `SELECT id, details FROM audit_logs
       WHERE details::text ILIKE ANY ($1)`,
      [needles.map((n) => `%${n.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)],
    );
  }

  @GenerateSql({ params: [SQL_MANAGER, SQL_UUID, { sessionId: null }] })
  async setAuditDetails(manager: EntityManager, id: string, details: unknown): Promise<void> {
    await manager.query(`UPDATE audit_logs SET details = $2 WHERE id = $1`, [
      id,
      JSON.stringify(details),
    ]);
  }
}
