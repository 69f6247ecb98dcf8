import { Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import type { ConversationView } from '@plenum/contracts';
import { Authenticated, CurrentPrincipal } from '@plenum/identity';
import type { Principal } from '@plenum/identity';
import { ConversationsService } from './conversations.service';

@Controller('events/:slug/booths/:booth/conversations')
export class ConversationsController {
  constructor(private readonly conversations: ConversationsService) {}

  /** A visitor asks to talk; answers 409 NO_STAFF_ONLINE when nobody could take it. */
  @Post()
  @Authenticated()
  request(
    @CurrentPrincipal() principal: Principal,
    @Param('slug') slug: string,
    @Param('booth') booth: string,
  ): Promise<ConversationView> {
    return this.conversations.request(principal, slug, booth);
  }

  @Get('mine')
  @Authenticated()
  async mine(
    @CurrentPrincipal() principal: Principal,
    @Param('slug') slug: string,
    @Param('booth') booth: string,
  ): Promise<{ conversation: ConversationView | null }> {
    return { conversation: await this.conversations.mine(principal, slug, booth) };
  }

  @Delete('mine')
  @Authenticated()
  leave(
    @CurrentPrincipal() principal: Principal,
    @Param('slug') slug: string,
    @Param('booth') booth: string,
  ): Promise<ConversationView> {
    return this.conversations.leave(principal, slug, booth);
  }

  @Get()
  @Authenticated()
  queue(
    @CurrentPrincipal() principal: Principal,
    @Param('slug') slug: string,
    @Param('booth') booth: string,
  ): Promise<ConversationView[]> {
    return this.conversations.queue(principal, slug, booth);
  }

  @Post('accept')
  @HttpCode(200)
  @Authenticated()
  accept(
    @CurrentPrincipal() principal: Principal,
    @Param('slug') slug: string,
    @Param('booth') booth: string,
  ): Promise<ConversationView> {
    return this.conversations.accept(principal, slug, booth);
  }

  @Post(':conversationId/end')
  @HttpCode(200)
  @Authenticated()
  end(
    @CurrentPrincipal() principal: Principal,
    @Param('slug') slug: string,
    @Param('booth') booth: string,
    @Param('conversationId', ParseUUIDPipe) conversationId: string,
  ): Promise<ConversationView> {
    return this.conversations.end(principal, slug, booth, conversationId);
  }
}
