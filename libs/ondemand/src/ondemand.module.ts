import { Module } from '@nestjs/common';
import { IdentityModule } from '@plenum/identity';
import { VideoModule } from '@plenum/video';
import { ImpressionsService } from './impressions.service';
import { MediathekService } from './mediathek.service';
import { OnDemandAccessService } from './ondemand-access.service';
import { OnDemandController } from './ondemand.controller';
import { OnDemandRepository } from './ondemand.repository';
import { RecordingsController } from './recordings.controller';
import { RecordingsRepository } from './recordings.repository';
import { RecordingsService } from './recordings.service';
import { SlidesService } from './slides.service';

@Module({
  imports: [IdentityModule, VideoModule],
  controllers: [RecordingsController, OnDemandController],
  providers: [
    ImpressionsService,
    MediathekService,
    OnDemandAccessService,
    OnDemandRepository,
    RecordingsRepository,
    RecordingsService,
    SlidesService,
  ],
  exports: [RecordingsService],
})
export class OnDemandModule {}
