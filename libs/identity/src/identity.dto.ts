import { createZodDto } from 'nestjs-zod';
import {
  acceptInvitationSchema,
  invitationRequestSchema,
  invitationTokenSchema,
  loginRequestSchema,
  updateProfileSchema,
} from '@plenum/contracts';

export class LoginDto extends createZodDto(loginRequestSchema) {}
export class AcceptInvitationDto extends createZodDto(acceptInvitationSchema) {}
export class InvitationDto extends createZodDto(invitationRequestSchema) {}
export class UpdateProfileDto extends createZodDto(updateProfileSchema) {}
export class InvitationTokenDto extends createZodDto(invitationTokenSchema) {}
