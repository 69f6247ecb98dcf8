import {
  Body,
  Controller,
  Delete,
  Get,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Res,
} from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import type { LeadView, MyShareView } from '@plenum/contracts';
import { Access, EventAccess } from '@plenum/identity';
import type { BoothAccess, ResolvedAccess } from '@plenum/identity';
import { FileResponse } from '@plenum/platform';
import { LeadViewDto, MyShareViewDto, ShareContactDto, UpdateLeadDto } from './expo.dto';
import { LeadsService } from './leads.service';

/** Attendees share and withdraw their own contact; the booth's staff read their leads. */
@ApiTags('expo')
@Controller('events/:slug')
export class LeadsController {
  constructor(private readonly leads: LeadsService) {}

  /** The attendee's explicit share with one booth; sharing again replaces the previous one. */
  @Post('booths/:booth/contact')
  @EventAccess('event.member', { booth: 'booth' })
  @ZodResponse({ status: 201, type: MyShareViewDto })
  share(
    @Access() { principal, booth }: BoothAccess,
    @Body() body: ShareContactDto,
  ): Promise<MyShareView> {
    return this.leads.share(principal, booth, body);
  }

  @Delete('booths/:booth/contact')
  @EventAccess('event.member', { booth: 'booth' })
  @ZodResponse({ status: 200, type: MyShareViewDto })
  withdraw(@Access() { principal, booth }: BoothAccess): Promise<MyShareView> {
    return this.leads.withdraw(principal, booth);
  }

  @Get('me/contact-shares')
  @EventAccess('event.member')
  @ZodResponse({ status: 200, type: [MyShareViewDto] })
  mine(@Access() { principal, event }: ResolvedAccess): Promise<MyShareView[]> {
    return this.leads.mine(principal, event);
  }

  @Get('booths/:booth/leads')
  @EventAccess('booth.manage', { booth: 'booth' })
  @ZodResponse({ status: 200, type: [LeadViewDto] })
  list(@Access() { booth }: BoothAccess): Promise<LeadView[]> {
    return this.leads.list(booth);
  }

  @Get('booths/:booth/leads.csv')
  @EventAccess('booth.manage', { booth: 'booth' })
  @FileResponse({
    contentTypes: ['text/csv'],
    description: "The booth's leads as CSV (cells that look like formulas defused)",
  })
  async csv(
    @Access() { principal, booth }: BoothAccess,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const csv = await this.leads.csv(principal, booth);
    await reply
      .header('Content-Type', 'text/csv; charset=utf-8')
      .header('Content-Disposition', 'attachment; filename="leads.csv"')
      .header('Cache-Control', 'private, no-store')
      .send(`\ufeff${csv}`);
  }

  @Patch('booths/:booth/leads/:leadId')
  @EventAccess('booth.manage', { booth: 'booth' })
  @ZodResponse({ status: 200, type: LeadViewDto })
  update(
    @Access() { booth }: BoothAccess,
    @Param('leadId', ParseUUIDPipe) leadId: string,
    @Body() body: UpdateLeadDto,
  ): Promise<LeadView> {
    return this.leads.update(booth, leadId, body);
  }
}
