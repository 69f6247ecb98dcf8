import { createZodDto } from 'nestjs-zod';
import {
  acceptInvitationSchema,
  acceptedInvitationSchema,
  emailLinkRequestSchema,
  emailLinkRequestedSchema,
  endSignInsSchema,
  invitationDetailsSchema,
  invitationRequestSchema,
  invitationResponseSchema,
  invitationTokenSchema,
  loginRequestSchema,
  loginResponseSchema,
  memberSchema,
  meResponseSchema,
  passwordResetSchema,
  pendingInvitationSchema,
  signInLinkSchema,
  signInViewSchema,
  updateProfileSchema,
  userSchema,
} from '@plenum/contracts';

export class LoginDto extends createZodDto(loginRequestSchema) {}
export class AcceptInvitationDto extends createZodDto(acceptInvitationSchema) {}
export class InvitationDto extends createZodDto(invitationRequestSchema) {}
export class UpdateProfileDto extends createZodDto(updateProfileSchema) {}
export class InvitationTokenDto extends createZodDto(invitationTokenSchema) {}

export class LoginResponseDto extends createZodDto(loginResponseSchema) {}
export class InvitationDetailsDto extends createZodDto(invitationDetailsSchema) {}
export class AcceptedInvitationDto extends createZodDto(acceptedInvitationSchema) {}
export class MeResponseDto extends createZodDto(meResponseSchema) {}
export class UserViewDto extends createZodDto(userSchema) {}
export class MemberViewDto extends createZodDto(memberSchema) {}
export class PendingInvitationViewDto extends createZodDto(pendingInvitationSchema) {}
export class InvitationResponseDto extends createZodDto(invitationResponseSchema) {}
export class EmailLinkRequestDto extends createZodDto(emailLinkRequestSchema) {}
export class PasswordResetDto extends createZodDto(passwordResetSchema) {}
export class SignInLinkDto extends createZodDto(signInLinkSchema) {}
export class EndSignInsDto extends createZodDto(endSignInsSchema) {}
export class EmailLinkRequestedDto extends createZodDto(emailLinkRequestedSchema) {}
export class SignInViewDto extends createZodDto(signInViewSchema) {}
