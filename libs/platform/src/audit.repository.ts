import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { AuditLog } from '@plenum/db';
import { GenerateSql, SQL_MANAGER, SQL_UUID } from './generate-sql';

export interface AuditEntry {
  eventId: string | null;
  actorId: string | null;
  action: string;
  targetType: string;
  targetId?: string | null;
  details?: Record<string, unknown>;
}

const SQL_ENTRY: AuditEntry = {
  eventId: SQL_UUID,
  actorId: SQL_UUID,
  action: 'member.removed',
  targetType: 'user',
  targetId: SQL_UUID,
  details: { role: 'attendee' },
};

/** The audit log's writes: moderation and administration actions. */
@Injectable()
export class AuditRepository {
  constructor(private readonly db: DataSource) {}

  /** Writes one entry; with a transaction's manager it commits with the change it records. */
  @GenerateSql(
    { name: 'on its own', params: [SQL_ENTRY] },
    { name: 'in a transaction', params: [SQL_ENTRY, SQL_MANAGER] },
  )
  async insert(entry: AuditEntry, manager?: EntityManager): Promise<void> {
    await (manager ?? this.db.manager).getRepository(AuditLog).insert({
      eventId: entry.eventId,
      actorId: entry.actorId,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId ?? null,
      details: (entry.details ?? {}) as never,
    });
  }
}
