import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditRepository } from './audit.repository';
import type { AuditEntry } from './audit.repository';

@Injectable()
export class AuditService {
  constructor(private readonly logs: AuditRepository) {}

  /** Records an action; pass the transaction's manager so the entry commits with the change. */
  async record(entry: AuditEntry, manager?: EntityManager): Promise<void> {
    await this.logs.insert(entry, manager);
  }
}
