import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { BullModule } from '@nestjs/bullmq';
import { queueNames } from '@plenum/contracts';
import { AccessChangesService } from './access-changes.service';
import { AccessRepository } from './access.repository';
import { AccessTokenService } from './access-token.service';
import { AuthController } from './auth.controller';
import { AccessGuard } from './access.guard';
import { AuthRepository } from './auth.repository';
import { AuthService } from './auth.service';
import { EmailLinkThrottleService } from './email-link-throttle.service';
import { EmailLinksRepository } from './email-links.repository';
import { EmailLinksService } from './email-links.service';
import { InvitationsRepository } from './invitations.repository';
import { InvitationsService } from './invitations.service';
import { LoginThrottleService } from './login-throttle.service';
import { MeController } from './me.controller';
import { MembershipChangesService } from './membership-changes.service';
import { MembersController } from './members.controller';
import { PermissionsService } from './permissions.service';
import { ProfileRepository } from './profile.repository';
import { ProfileService } from './profile.service';
import { RevocationsService } from './revocations.service';

@Module({
  imports: [BullModule.registerQueue({ name: queueNames.mail })],
  controllers: [AuthController, MeController, MembersController],
  providers: [
    AccessChangesService,
    AccessRepository,
    AccessTokenService,
    AuthRepository,
    AuthService,
    EmailLinkThrottleService,
    EmailLinksRepository,
    EmailLinksService,
    InvitationsRepository,
    InvitationsService,
    LoginThrottleService,
    MembershipChangesService,
    PermissionsService,
    ProfileRepository,
    ProfileService,
    RevocationsService,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [
    AccessChangesService,
    AccessTokenService,
    AuthService,
    MembershipChangesService,
    PermissionsService,
    RevocationsService,
  ],
})
export class IdentityModule {}
