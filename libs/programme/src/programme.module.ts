import { Module } from '@nestjs/common';
import { IdentityModule } from '@plenum/identity';
import { RemindersCoreModule } from '@plenum/reminders';
import { AgendaController } from './agenda.controller';
import { AgendaService } from './agenda.service';
import { CalendarService } from './calendar.service';
import { CatalogueService } from './catalogue.service';
import { ProgrammeCache } from './programme-cache.service';
import { ProgrammeController } from './programme.controller';
import { ProgrammeEditingController } from './programme-editing.controller';
import { ProgrammeReader } from './programme-reader.service';
import { ProgrammeService } from './programme.service';
import { ScheduleImportService } from './schedule-import.service';
import { SessionsService } from './sessions.service';

@Module({
  imports: [IdentityModule, RemindersCoreModule],
  controllers: [ProgrammeController, ProgrammeEditingController, AgendaController],
  providers: [
    AgendaService,
    CalendarService,
    CatalogueService,
    ProgrammeCache,
    ProgrammeReader,
    ProgrammeService,
    ScheduleImportService,
    SessionsService,
  ],
  exports: [ProgrammeService, ProgrammeCache, SessionsService],
})
export class ProgrammeModule {}
