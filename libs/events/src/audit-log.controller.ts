import { Controller, Get, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Access, EventAccess } from '@plenum/identity';
import type { ResolvedAccess } from '@plenum/identity';
import { FileResponse, csvCell } from '@plenum/platform';
import { EventsService } from './events.service';

const columns = ['time', 'action', 'actor_id', 'actor', 'target_type', 'target_id', 'details'];

/**
 * One CSV cell. Spreadsheet programs run cells that start with = + - @ as formulas, and chat
 * text quoted in the log is written by anyone, so such cells get a leading apostrophe.
 */

@ApiTags('events')
@Controller('events/:slug')
export class AuditLogController {
  constructor(private readonly events: EventsService) {}

  /** Every moderation and administration action of the event, oldest first, for organizers. */
  @Get('audit-log.csv')
  @EventAccess('audit.read')
  @FileResponse({ contentTypes: ['text/csv'], description: 'The audit log as CSV' })
  async export(@Access() { event }: ResolvedAccess, @Res() reply: FastifyReply): Promise<void> {
    const rows = await this.events.auditLog(event);
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
