import { Module } from '@nestjs/common';
import { IdentityModule } from '@plenum/identity';
import { RemindersCoreModule } from '@plenum/reminders';
import { AgendaController } from './agenda.controller';
import { AgendaRepository } from './agenda.repository';
import { AgendaService } from './agenda.service';
import { CalendarService } from './calendar.service';
import { CatalogueRepository } from './catalogue.repository';
import { CatalogueService } from './catalogue.service';
import { ProgrammeCache } from './programme-cache.service';
import { ProgrammeController } from './programme.controller';
import { ProgrammeEditingController } from './programme-editing.controller';
import { ProgrammeReader } from './programme-reader.service';
import { ProgrammeRepository } from './programme.repository';
import { ProgrammeService } from './programme.service';
import { ScheduleImportRepository } from './schedule-import.repository';
import { ScheduleImportService } from './schedule-import.service';
import { SessionLifecycleService } from './session-lifecycle.service';
import { SessionsRepository } from './sessions.repository';
import { SessionsService } from './sessions.service';

@Module({
  imports: [IdentityModule, RemindersCoreModule],
  controllers: [ProgrammeController, ProgrammeEditingController, AgendaController],
  providers: [
    AgendaRepository,
    AgendaService,
    CalendarService,
    CatalogueRepository,
    CatalogueService,
    ProgrammeCache,
    ProgrammeReader,
    ProgrammeRepository,
    ProgrammeService,
    ScheduleImportRepository,
    ScheduleImportService,
    SessionLifecycleService,
    SessionsRepository,
    SessionsService,
  ],
  exports: [ProgrammeService, ProgrammeCache, SessionsService],
})
export class ProgrammeModule {}
