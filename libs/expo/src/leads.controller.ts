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
import type { LeadView, MyShareView } from '@plenum/contracts';
import { Authenticated, CurrentPrincipal } from '@plenum/identity';
import type { Principal } from '@plenum/identity';
import { ShareContactDto, UpdateLeadDto } from './expo.dto';
import { LeadsService } from './leads.service';

@Controller('events/:slug')
export class LeadsController {
  constructor(private readonly leads: LeadsService) {}

  /** The attendee's explicit share with one booth; sharing again replaces the previous one. */
  @Post('booths/:booth/contact')
  @Authenticated()
  share(
    @CurrentPrincipal() principal: Principal,
    @Param('slug') slug: string,
    @Param('booth') booth: string,
    @Body() body: ShareContactDto,
  ): Promise<MyShareView> {
    return this.leads.share(principal, slug, booth, body);
  }

  @Delete('booths/:booth/contact')
  @Authenticated()
  withdraw(
    @CurrentPrincipal() principal: Principal,
    @Param('slug') slug: string,
    @Param('booth') booth: string,
  ): Promise<MyShareView> {
    return this.leads.withdraw(principal, slug, booth);
  }

  @Get('me/contact-shares')
  @Authenticated()
  mine(
    @CurrentPrincipal() principal: Principal,
    @Param('slug') slug: string,
  ): Promise<MyShareView[]> {
    return this.leads.mine(principal, slug);
  }

  @Get('booths/:booth/leads')
  @Authenticated()
  list(
    @CurrentPrincipal() principal: Principal,
    @Param('slug') slug: string,
    @Param('booth') booth: string,
  ): Promise<LeadView[]> {
    return this.leads.list(principal, slug, booth);
  }

  @Get('booths/:booth/leads.csv')
  @Authenticated()
  async csv(
    @CurrentPrincipal() principal: Principal,
    @Param('slug') slug: string,
    @Param('booth') booth: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const csv = await this.leads.csv(principal, slug, booth);
    await reply
      .header('Content-Type', 'text/csv; charset=utf-8')
      .header('Content-Disposition', 'attachment; filename="leads.csv"')
      .header('Cache-Control', 'private, no-store')
      .send(`\ufeff${csv}`);
  }

  @Patch('booths/:booth/leads/:leadId')
  @Authenticated()
  update(
    @CurrentPrincipal() principal: Principal,
    @Param('slug') slug: string,
    @Param('booth') booth: string,
    @Param('leadId', ParseUUIDPipe) leadId: string,
    @Body() body: UpdateLeadDto,
  ): Promise<LeadView> {
    return this.leads.update(principal, slug, booth, leadId, body);
  }
}
