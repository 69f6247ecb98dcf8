import { createZodDto } from 'nestjs-zod';
import {
  deleteAccountSchema,
  personalDataExportSchema,
  privacySettingsSchema,
  privacySettingsViewSchema,
} from '@plenum/contracts';

export class DeleteAccountDto extends createZodDto(deleteAccountSchema) {}
export class PrivacySettingsDto extends createZodDto(privacySettingsSchema) {}

export class PrivacySettingsViewDto extends createZodDto(privacySettingsViewSchema) {}
export class PersonalDataExportDto extends createZodDto(personalDataExportSchema) {}
