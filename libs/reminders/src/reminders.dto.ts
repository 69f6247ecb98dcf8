import { createZodDto } from 'nestjs-zod';
import {
  announcementRequestSchema,
  announcementSentSchema,
  deliveryStatsSchema,
  notificationViewSchema,
  reminderPreferencesSchema,
  reminderPreferencesViewSchema,
  reminderSettingsSchema,
  unsubscribeRequestSchema,
  unsubscribeResultSchema,
} from '@plenum/contracts';

export class ReminderPreferencesDto extends createZodDto(reminderPreferencesSchema) {}
export class ReminderSettingsDto extends createZodDto(reminderSettingsSchema) {}
export class UnsubscribeDto extends createZodDto(unsubscribeRequestSchema) {}
export class AnnouncementDto extends createZodDto(announcementRequestSchema) {}

export class ReminderPreferencesViewDto extends createZodDto(reminderPreferencesViewSchema) {}
export class DeliveryStatsDto extends createZodDto(deliveryStatsSchema) {}
export class NotificationViewDto extends createZodDto(notificationViewSchema) {}
export class AnnouncementSentDto extends createZodDto(announcementSentSchema) {}
export class UnsubscribeResultDto extends createZodDto(unsubscribeResultSchema) {}
