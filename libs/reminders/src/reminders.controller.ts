import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import type {
  DeliveryStats,
  NotificationView,
  ReminderPreferencesView,
  ReminderSettings,
  UnsubscribeResult,
} from '@plenum/contracts';
import { CurrentPrincipal, PermissionsService, Public } from '@plenum/identity';
import type { Principal } from '@plenum/identity';
import { NotificationsService } from './notifications.service';
import { ReminderPreferencesService } from './reminder-preferences.service';
import { ReminderScheduler } from './reminder-scheduler.service';
import {
  AnnouncementDto,
  ReminderPreferencesDto,
  ReminderSettingsDto,
  UnsubscribeDto,
} from './reminders.dto';

/** Reminder preferences, notifications, announcements and delivery counts within one event. */
@Controller('events/:slug')
export class RemindersController {
  constructor(
    private readonly permissions: PermissionsService,
    private readonly preferences: ReminderPreferencesService,
    private readonly notifications: NotificationsService,
    private readonly scheduler: ReminderScheduler,
  ) {}

  @Get('reminders/preferences')
  async getPreferences(
    @CurrentPrincipal() principal: Principal,
    @Param('slug') slug: string,
  ): Promise<ReminderPreferencesView> {
    const { event } = await this.permissions.eventFor(principal, slug, 'event.member');
    return this.preferences.get(principal.userId, event.id);
  }

  @Put('reminders/preferences')
  async putPreferences(
    @CurrentPrincipal() principal: Principal,
    @Param('slug') slug: string,
    @Body() body: ReminderPreferencesDto,
  ): Promise<ReminderPreferencesView> {
    const { event } = await this.permissions.eventFor(principal, slug, 'event.member');
    return this.preferences.put(principal.userId, event.id, body);
  }

  @Get('reminders/settings')
  async getSettings(
    @CurrentPrincipal() principal: Principal,
    @Param('slug') slug: string,
  ): Promise<ReminderSettings> {
    const { event } = await this.permissions.eventFor(principal, slug, 'event.update');
    return { offsetsMinutes: await this.scheduler.offsetsFor(event.id) };
  }

  @Put('reminders/settings')
  async putSettings(
    @CurrentPrincipal() principal: Principal,
    @Param('slug') slug: string,
    @Body() body: ReminderSettingsDto,
  ): Promise<ReminderSettings> {
    const { event } = await this.permissions.eventFor(principal, slug, 'event.update');
    return {
      offsetsMinutes: await this.preferences.setOffsets(principal, event, body.offsetsMinutes),
    };
  }

  @Get('reminders/deliveries')
  async deliveryStats(
    @CurrentPrincipal() principal: Principal,
    @Param('slug') slug: string,
  ): Promise<DeliveryStats> {
    const { event } = await this.permissions.eventFor(principal, slug, 'event.update');
    return this.notifications.stats(event.id);
  }

  @Get('notifications')
  async list(
    @CurrentPrincipal() principal: Principal,
    @Param('slug') slug: string,
  ): Promise<NotificationView[]> {
    const { event } = await this.permissions.eventFor(principal, slug, 'event.member');
    return this.notifications.list(principal.userId, event.id);
  }

  @Post('notifications/read')
  @HttpCode(204)
  async markRead(
    @CurrentPrincipal() principal: Principal,
    @Param('slug') slug: string,
  ): Promise<void> {
    const { event } = await this.permissions.eventFor(principal, slug, 'event.member');
    await this.notifications.markAllRead(principal.userId, event.id);
  }

  @Post('announcements')
  async announce(
    @CurrentPrincipal() principal: Principal,
    @Param('slug') slug: string,
    @Body() body: AnnouncementDto,
  ): Promise<{ id: string }> {
    const { event } = await this.permissions.eventFor(principal, slug, 'event.update');
    return this.notifications.announce(principal, event, body);
  }
}

/** The link in every e-mail; the signed token stands in for signing in. */
@Controller('reminders')
export class UnsubscribeController {
  constructor(private readonly preferences: ReminderPreferencesService) {}

  @Public()
  @Post('unsubscribe')
  @HttpCode(200)
  unsubscribe(@Body() body: UnsubscribeDto): Promise<UnsubscribeResult> {
    return this.preferences.unsubscribe(body.token);
  }
}
