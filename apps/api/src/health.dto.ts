import { createZodDto } from 'nestjs-zod';
import { healthSchema } from '@plenum/contracts';

export class HealthDto extends createZodDto(healthSchema) {}
