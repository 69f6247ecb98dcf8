import { Controller, Get, Res } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { FastifyReply } from 'fastify';
import type { Repository } from 'typeorm';
import { AuditLog } from '@plenum/db';
import { Access, EventAccess } from '@plenum/identity';
import type { ResolvedAccess } from '@plenum/identity';
import { csvCell } from '@plenum/platform';

const columns = ['time', 'action', 'actor_id', 'actor', 'target_type', 'target_id', 'details'];

/**
 * One CSV cell. Spreadsheet programs run cells that start with = + - @ as formulas, and chat
 * text quoted in the log is written by anyone, so such cells get a leading apostrophe.
 */

@Controller('events/:slug')
export class AuditLogController {
  constructor(@InjectRepository(AuditLog) private readonly logs: Repository<AuditLog>) {}

  /** Every moderation and administration action of the event, oldest first, for organizers. */
  @Get('audit-log.csv')
  @EventAccess('audit.read')
  async export(@Access() { event }: ResolvedAccess, @Res() reply: FastifyReply): Promise<void> {
    const rows = await this.logs
      .createQueryBuilder('log')
      .leftJoin('users', 'actor', 'actor.id = log.actor_id')
      .select([
        'log.created_at AS created_at',
        'log.action AS action',
        'log.actor_id AS actor_id',
        'actor.display_name AS actor_name',
        'actor.email AS actor_email',
        'log.target_type AS target_type',
        'log.target_id AS target_id',
        'log.details AS details',
      ])
      .where('log.event_id = :eventId', { eventId: event.id })
      .orderBy('log.created_at', 'ASC')
      .getRawMany<{
        created_at: Date;
        action: string;
        actor_id: string | null;
        actor_name: string | null;
        actor_email: string | null;
        target_type: string;
        target_id: string | null;
        details: unknown;
      }>();
    const lines = [columns.join(',')];
    for (const row of rows) {
      lines.push(
        [
          row.created_at.toISOString(),
          row.action,
          row.actor_id ?? '',
          row.actor_name ? `${row.actor_name} <${row.actor_email ?? ''}>` : '',
          row.target_type,
          row.target_id ?? '',
          JSON.stringify(row.details ?? {}),
        ]
          .map(csvCell)
          .join(','),
      );
    }
    await reply
      .header('Content-Type', 'text/csv; charset=utf-8')
      .header('Content-Disposition', `attachment; filename="audit-log-${event.slug}.csv"`)
      .header('Cache-Control', 'no-store')
      .send(`\ufeff${lines.join('\r\n')}\r\n`);
  }
}
