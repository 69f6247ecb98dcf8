import { Controller, Get, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { deletedUserLabel } from '@plenum/contracts';
import { Access, EventAccess } from '@plenum/identity';
import type { SessionAccess } from '@plenum/identity';
import { FileResponse, csvCell } from '@plenum/platform';
import { QaService } from './qa.service';

const columns = [
  'id',
  'asked_at',
  'state',
  'question',
  'author',
  'anonymous',
  'votes',
  'on_screen',
  'edited_at',
  'decided_by',
  'decided_at',
  'dismiss_reason',
  'answered_at',
];

@ApiTags('qa')
@Controller('events/:slug/sessions/:sessionId')
export class QaController {
  constructor(private readonly qa: QaService) {}

  /** Every question of a session with its votes and decisions, for organizers and moderators. */
  @Get('questions.csv')
  @EventAccess('session.moderate', { session: 'sessionId' })
  @FileResponse({ contentTypes: ['text/csv'], description: "The session's questions as CSV" })
  async export(@Access() { session }: SessionAccess, @Res() reply: FastifyReply): Promise<void> {
    const sessionId = session.id;
    const rows = await this.qa.exportRows(sessionId);
    const iso = (d: Date | null) => d?.toISOString() ?? '';
    const lines = [columns.join(',')];
    for (const row of rows) {
      lines.push(
        [
          row.id,
          iso(row.created_at),
          row.state,
          row.body,
          row.author_name ? `${row.author_name} <${row.author_email ?? ''}>` : deletedUserLabel.de,
          String(row.anonymous),
          String(row.vote_count),
          String(row.on_screen),
          iso(row.edited_at),
          row.decider_name ?? '',
          iso(row.decided_at),
          row.dismiss_reason ?? '',
          iso(row.answered_at),
        ]
          .map(csvCell)
          .join(','),
      );
    }
    await reply
      .header('Content-Type', 'text/csv; charset=utf-8')
      .header('Content-Disposition', `attachment; filename="questions-${sessionId}.csv"`)
      .header('Cache-Control', 'no-store')
      .send(`\ufeff${lines.join('\r\n')}\r\n`);
  }
}
