import { createZodDto } from 'nestjs-zod';
import {
  createWorkshopLinkSchema,
  myWorkshopRegistrationSchema,
  updateWorkshopSchema,
  workshopFileQuerySchema,
  workshopListSchema,
  workshopMaterialSchema,
  workshopParticipantActionSchema,
  workshopRegistrantsSchema,
  workshopRoomActionResultSchema,
  workshopSpotlightRequestSchema,
  workshopViewSchema,
} from '@plenum/contracts';

export class UpdateWorkshopDto extends createZodDto(updateWorkshopSchema) {}
export class CreateWorkshopLinkDto extends createZodDto(createWorkshopLinkSchema) {}
export class WorkshopParticipantActionDto extends createZodDto(workshopParticipantActionSchema) {}
export class WorkshopSpotlightDto extends createZodDto(workshopSpotlightRequestSchema) {}
export class WorkshopFileQueryDto extends createZodDto(workshopFileQuerySchema) {}

export class WorkshopListDto extends createZodDto(workshopListSchema) {}
export class WorkshopViewDto extends createZodDto(workshopViewSchema) {}
export class MyWorkshopRegistrationDto extends createZodDto(myWorkshopRegistrationSchema) {}
export class WorkshopRegistrantsDto extends createZodDto(workshopRegistrantsSchema) {}
export class WorkshopMaterialDto extends createZodDto(workshopMaterialSchema) {}
export class WorkshopRoomActionResultDto extends createZodDto(workshopRoomActionResultSchema) {}
