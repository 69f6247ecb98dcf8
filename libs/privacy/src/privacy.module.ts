import { Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { queueNames } from '@plenum/contracts';
import { IdentityModule } from '@plenum/identity';
import { WorkshopsModule } from '@plenum/workshops';
import { PersonalDataRepository } from './personal-data.repository';
import { PersonalDataService } from './personal-data.service';
import { PrivacyController } from './privacy.controller';
import { PrivacySettingsService } from './privacy-settings.service';
import { PrivacyRepository } from './privacy.repository';

@Module({
  imports: [
    IdentityModule,
    WorkshopsModule,
    BullModule.registerQueue({ name: queueNames.deliveries }, { name: queueNames.mail }),
  ],
  controllers: [PrivacyController],
  providers: [
    PersonalDataRepository,
    PersonalDataService,
    PrivacyRepository,
    PrivacySettingsService,
  ],
})
export class PrivacyModule {}
