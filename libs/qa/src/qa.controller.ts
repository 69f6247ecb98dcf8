import { Controller, Get, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { deletedUserLabel } from '@plenum/contracts';
import { Access, EventAccess } from '@plenum/identity';
import type { SessionAccess } from '@plenum/identity';
import { csvCell } from '@plenum/platform';

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

/** One CSV cell; cells that spreadsheets would run as formulas get a leading apostrophe. */

interface ExportRow {
  id: string;
  created_at: Date;
  state: string;
  body: string;
  author_name: string | null;
  author_email: string | null;
  anonymous: boolean;
  vote_count: number;
  on_screen: boolean;
  edited_at: Date | null;
  decider_name: string | null;
  decided_at: Date | null;
  dismiss_reason: string | null;
  answered_at: Date | null;
}

@Controller('events/:slug/sessions/:sessionId')
export class QaController {
  constructor(private readonly dataSource: DataSource) {}

  /** Every question of a session with its votes and decisions, for organizers and moderators. */
  @Get('questions.csv')
  @EventAccess('session.moderate', { session: 'sessionId' })
  async export(@Access() { session }: SessionAccess, @Res() reply: FastifyReply): Promise<void> {
    const sessionId = session.id;
    const rows = await this.dataSource.query<ExportRow[]>(
      `SELECT q.id, q.created_at, q.state, q.body, a.display_name AS author_name,
              a.email AS author_email, q.anonymous,
              (SELECT count(*)::int FROM question_votes v WHERE v.question_id = q.id) AS vote_count, q.on_screen, q.edited_at,
              d.display_name AS decider_name, q.decided_at, q.dismiss_reason, q.answered_at
         FROM questions q
         LEFT JOIN users a ON a.id = q.author_id
         LEFT JOIN users d ON d.id = q.decided_by_id
        WHERE q.session_id = $1
        ORDER BY q.created_at`,
      [sessionId],
    );
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
