import { createZodDto } from 'nestjs-zod';
import { goLiveRequestSchema, videoTokenRequestSchema } from '@plenum/contracts';

export class VideoTokenDto extends createZodDto(videoTokenRequestSchema) {}
export class GoLiveDto extends createZodDto(goLiveRequestSchema) {}
