import { createZodDto } from 'nestjs-zod';
import { createEventSchema, updateEventSchema } from '@plenum/contracts';

export class CreateEventDto extends createZodDto(createEventSchema) {}
export class UpdateEventDto extends createZodDto(updateEventSchema) {}
