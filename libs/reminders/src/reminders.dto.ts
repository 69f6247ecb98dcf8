import { createZodDto } from 'nestjs-zod';
import {
  announcementRequestSchema,
  reminderPreferencesSchema,
  reminderSettingsSchema,
  unsubscribeRequestSchema,
} from '@plenum/contracts';

export class ReminderPreferencesDto extends createZodDto(reminderPreferencesSchema) {}
export class ReminderSettingsDto extends createZodDto(reminderSettingsSchema) {}
export class UnsubscribeDto extends createZodDto(unsubscribeRequestSchema) {}
export class AnnouncementDto extends createZodDto(announcementRequestSchema) {}
