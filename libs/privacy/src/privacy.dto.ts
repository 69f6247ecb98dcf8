import { createZodDto } from 'nestjs-zod';
import { deleteAccountSchema, privacySettingsSchema } from '@plenum/contracts';

export class DeleteAccountDto extends createZodDto(deleteAccountSchema) {}
export class PrivacySettingsDto extends createZodDto(privacySettingsSchema) {}
