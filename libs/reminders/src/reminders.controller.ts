import { Body, Controller, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import type {
  AnnouncementSent,
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
  AnnouncementSentDto,
  DeliveryStatsDto,
  NotificationViewDto,
  ReminderPreferencesDto,
  ReminderPreferencesViewDto,
  ReminderSettingsDto,
  UnsubscribeDto,
  UnsubscribeResultDto,
} from './reminders.dto';

/** Reminder preferences, notifications, announcements and delivery counts within one event. */
@ApiTags('reminders')
@Controller('events/:slug')
export class RemindersController {
  constructor(
    private readonly preferences: ReminderPreferencesService,
    private readonly notifications: NotificationsService,
    private readonly scheduler: ReminderScheduler,
  ) {}

  @Get('reminders/preferences')
  @EventAccess('event.member')
  @ZodResponse({ status: 200, type: ReminderPreferencesViewDto })
  getPreferences(@Access() { principal, event }: ResolvedAccess): Promise<ReminderPreferencesView> {
    return this.preferences.get(principal.userId, event.id);
  }

  @Put('reminders/preferences')
  @EventAccess('event.member')
  @ZodResponse({ status: 200, type: ReminderPreferencesViewDto })
  putPreferences(
    @Access() { principal, event }: ResolvedAccess,
    @Body() body: ReminderPreferencesDto,
  ): Promise<ReminderPreferencesView> {
    return this.preferences.put(principal.userId, event.id, body);
  }

  @Get('reminders/settings')
  @EventAccess('event.update')
  @ZodResponse({ status: 200, type: ReminderSettingsDto })
  async getSettings(@Access() { event }: ResolvedAccess): Promise<ReminderSettings> {
    return { offsetsMinutes: await this.scheduler.offsetsFor(event.id) };
  }

  @Put('reminders/settings')
  @EventAccess('event.update')
  @ZodResponse({ status: 200, type: ReminderSettingsDto })
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
  @ZodResponse({ status: 200, type: DeliveryStatsDto })
  deliveryStats(@Access() { event }: ResolvedAccess): Promise<DeliveryStats> {
    return this.notifications.stats(event.id);
  }

  @Get('notifications')
  @EventAccess('event.member')
  @ZodResponse({ status: 200, type: [NotificationViewDto] })
  list(@Access() { principal, event }: ResolvedAccess): Promise<NotificationView[]> {
    return this.notifications.list(principal.userId, event.id);
  }

  @Post('notifications/read')
  @HttpCode(204)
  @EventAccess('event.member')
  @ApiNoContentResponse({ description: "The caller's notifications are marked read" })
  async markRead(@Access() { principal, event }: ResolvedAccess): Promise<void> {
    await this.notifications.markAllRead(principal.userId, event.id);
  }

  @Post('announcements')
  @EventAccess('event.update')
  @ZodResponse({ status: 201, type: AnnouncementSentDto })
  announce(
    @Access() { principal, event }: ResolvedAccess,
    @Body() body: AnnouncementDto,
  ): Promise<AnnouncementSent> {
    return this.notifications.announce(principal, event, body);
  }
}

/** The link in every e-mail; the signed token stands in for signing in. */
@ApiTags('reminders')
@Controller('reminders')
export class UnsubscribeController {
  constructor(private readonly preferences: ReminderPreferencesService) {}

  @Public()
  @Post('unsubscribe')
  @ZodResponse({ status: 200, type: UnsubscribeResultDto })
  unsubscribe(@Body() body: UnsubscribeDto): Promise<UnsubscribeResult> {
    return this.preferences.unsubscribe(body.token);
  }
}
