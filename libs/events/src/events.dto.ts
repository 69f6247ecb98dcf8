import { createZodDto } from 'nestjs-zod';
import { createEventSchema, eventSchema, updateEventSchema } from '@plenum/contracts';

export class CreateEventDto extends createZodDto(createEventSchema) {}
export class UpdateEventDto extends createZodDto(updateEventSchema) {}
export class EventViewDto extends createZodDto(eventSchema) {}
