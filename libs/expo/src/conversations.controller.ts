import { Controller, Delete, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import type { ConversationView, MyConversation } from '@plenum/contracts';
import { Access, EventAccess } from '@plenum/identity';
import type { BoothAccess } from '@plenum/identity';
import { ConversationsService } from './conversations.service';
import { ConversationViewDto, MyConversationDto } from './expo.dto';

/** Visitors (members of the event) ask to talk; the booth's staff (`booth.manage`) take them. */
@ApiTags('expo')
@Controller('events/:slug/booths/:booth/conversations')
export class ConversationsController {
  constructor(private readonly conversations: ConversationsService) {}

  /** A visitor asks to talk; answers 409 NO_STAFF_ONLINE when nobody could take it. */
  @Post()
  @EventAccess('event.member', { booth: 'booth' })
  @ZodResponse({ status: 201, type: ConversationViewDto })
  request(@Access() { principal, booth }: BoothAccess): Promise<ConversationView> {
    return this.conversations.request(principal, booth);
  }

  @Get('mine')
  @EventAccess('event.member', { booth: 'booth' })
  @ZodResponse({ status: 200, type: MyConversationDto })
  async mine(@Access() { principal, booth }: BoothAccess): Promise<MyConversation> {
    return { conversation: await this.conversations.mine(principal, booth) };
  }

  @Delete('mine')
  @EventAccess('event.member', { booth: 'booth' })
  @ZodResponse({ status: 200, type: ConversationViewDto })
  leave(@Access() { principal, booth }: BoothAccess): Promise<ConversationView> {
    return this.conversations.leave(principal, booth);
  }

  @Get()
  @EventAccess('booth.manage', { booth: 'booth' })
  @ZodResponse({ status: 200, type: [ConversationViewDto] })
  queue(@Access() { booth }: BoothAccess): Promise<ConversationView[]> {
    return this.conversations.queue(booth);
  }

  @Post('accept')
  @EventAccess('booth.manage', { booth: 'booth' })
  @ZodResponse({ status: 200, type: ConversationViewDto })
  accept(@Access() { principal, booth }: BoothAccess): Promise<ConversationView> {
    return this.conversations.accept(principal, booth);
  }

  @Post(':conversationId/end')
  @EventAccess('booth.manage', { booth: 'booth' })
  @ZodResponse({ status: 200, type: ConversationViewDto })
  end(
    @Access() { booth }: BoothAccess,
    @Param('conversationId', ParseUUIDPipe) conversationId: string,
  ): Promise<ConversationView> {
    return this.conversations.end(booth, conversationId);
  }
}
