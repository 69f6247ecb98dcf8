import { createZodDto } from 'nestjs-zod';
import {
  createWorkshopLinkSchema,
  updateWorkshopSchema,
  workshopFileQuerySchema,
  workshopParticipantActionSchema,
  workshopSpotlightRequestSchema,
} from '@plenum/contracts';

export class UpdateWorkshopDto extends createZodDto(updateWorkshopSchema) {}
export class CreateWorkshopLinkDto extends createZodDto(createWorkshopLinkSchema) {}
export class WorkshopParticipantActionDto extends createZodDto(workshopParticipantActionSchema) {}
export class WorkshopSpotlightDto extends createZodDto(workshopSpotlightRequestSchema) {}
export class WorkshopFileQueryDto extends createZodDto(workshopFileQuerySchema) {}
