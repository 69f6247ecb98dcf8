import { createZodDto } from 'nestjs-zod';
import { shareContactSchema, updateBoothSchema, updateLeadSchema } from '@plenum/contracts';

export class UpdateBoothDto extends createZodDto(updateBoothSchema) {}
export class ShareContactDto extends createZodDto(shareContactSchema) {}
export class UpdateLeadDto extends createZodDto(updateLeadSchema) {}
