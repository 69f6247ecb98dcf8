import { createZodDto } from 'nestjs-zod';
import { eventReportSchema } from '@plenum/contracts';

export class EventReportDto extends createZodDto(eventReportSchema) {}
