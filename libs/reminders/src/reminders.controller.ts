import { Body, Controller, Get, HttpCode, Post, Put } from '@nestjs/common';
import type {
  DeliveryStats,
  NotificationView,
  ReminderPreferencesView,
  ReminderSettings,
  UnsubscribeResult,
} from '@plenum/contracts';
import { Access, EventAccess, Public } from '@plenum/identity';
import type { ResolvedAccess } from '@plenum/identity';
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
    private readonly preferences: ReminderPreferencesService,
    private readonly notifications: NotificationsService,
    private readonly scheduler: ReminderScheduler,
  ) {}

  @Get('reminders/preferences')
  @EventAccess('event.member')
  getPreferences(@Access() { principal, event }: ResolvedAccess): Promise<ReminderPreferencesView> {
    return this.preferences.get(principal.userId, event.id);
  }

  @Put('reminders/preferences')
  @EventAccess('event.member')
  putPreferences(
    @Access() { principal, event }: ResolvedAccess,
    @Body() body: ReminderPreferencesDto,
  ): Promise<ReminderPreferencesView> {
    return this.preferences.put(principal.userId, event.id, body);
  }

  @Get('reminders/settings')
  @EventAccess('event.update')
  async getSettings(@Access() { event }: ResolvedAccess): Promise<ReminderSettings> {
    return { offsetsMinutes: await this.scheduler.offsetsFor(event.id) };
  }

  @Put('reminders/settings')
  @EventAccess('event.update')
  async putSettings(
    @Access() { principal, event }: ResolvedAccess,
    @Body() body: ReminderSettingsDto,
  ): Promise<ReminderSettings> {
    return {
      offsetsMinutes: await this.preferences.setOffsets(principal, event, body.offsetsMinutes),
    };
  }

  @Get('reminders/deliveries')
  @EventAccess('event.update')
  deliveryStats(@Access() { event }: ResolvedAccess): Promise<DeliveryStats> {
    return this.notifications.stats(event.id);
  }

  @Get('notifications')
  @EventAccess('event.member')
  list(@Access() { principal, event }: ResolvedAccess): Promise<NotificationView[]> {
    return this.notifications.list(principal.userId, event.id);
  }

  @Post('notifications/read')
  @HttpCode(204)
  @EventAccess('event.member')
  async markRead(@Access() { principal, event }: ResolvedAccess): Promise<void> {
    await this.notifications.markAllRead(principal.userId, event.id);
  }

  @Post('announcements')
  @EventAccess('event.update')
  announce(
    @Access() { principal, event }: ResolvedAccess,
    @Body() body: AnnouncementDto,
  ): Promise<{ id: string }> {
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
