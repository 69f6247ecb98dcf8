import { createZodDto } from 'nestjs-zod';
import {
  renameBoothDocumentSchema,
  shareContactSchema,
  updateBoothSchema,
  updateLeadSchema,
} from '@plenum/contracts';

export class UpdateBoothDto extends createZodDto(updateBoothSchema) {}
export class ShareContactDto extends createZodDto(shareContactSchema) {}
export class UpdateLeadDto extends createZodDto(updateLeadSchema) {}
export class RenameBoothDocumentDto extends createZodDto(renameBoothDocumentSchema) {}
