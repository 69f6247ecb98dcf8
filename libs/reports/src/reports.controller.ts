import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ZodResponse } from 'nestjs-zod';
import { reportTableSchema } from '@plenum/contracts';
import type { EventReport } from '@plenum/contracts';
import { Access, EventAccess } from '@plenum/identity';
import type { ResolvedAccess } from '@plenum/identity';
import { FileResponse, PlenumError, toCsv } from '@plenum/platform';
import { EventReportDto } from './reports.dto';
import { ReportsService } from './reports.service';

@ApiTags('reports')
@Controller('events/:slug/reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  /** Every figure of the event's report, for organizers. */
  @Get()
  @EventAccess('reports.read')
  @ZodResponse({ status: 200, type: EventReportDto })
  report(@Access() { event }: ResolvedAccess): Promise<EventReport> {
    return this.reports.report(event);
  }

  /** One report table as CSV: `sessions.csv`, `booths.csv` or `workshops.csv`. */
  @Get(':file')
  @EventAccess('reports.read')
  @FileResponse({ contentTypes: ['text/csv'], description: 'One report table as CSV' })
  async csv(
    @Access() { event }: ResolvedAccess,
    @Param('file') file: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const table = reportTableSchema.safeParse(file.replace(/\.csv$/, ''));
    if (!file.endsWith('.csv') || !table.success) throw PlenumError.notFound('No such report');
    const report = await this.reports.report(event);
    const { header, rows } = this.reports.table(report, table.data);
    await reply
      .header('Content-Type', 'text/csv; charset=utf-8')
      .header(
        'Content-Disposition',
        `attachment; filename="report-${event.slug}-${table.data}.csv"`,
      )
      .header('Cache-Control', 'no-store')
      .send(toCsv(header, rows));
  }
}
