import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { FieldError, ScheduleImportReport } from '@plenum/contracts';
import type { Event, Speaker, Stage, Track } from '@plenum/db';
import type { Principal } from '@plenum/identity';
import { AuditService, localDay, PlenumError } from '@plenum/platform';
import { ReminderScheduler } from '@plenum/reminders';
import { ProgrammeCache } from './programme-cache.service';
import { ScheduleImportRepository } from './schedule-import.repository';
import { readSchedule } from './schedule-reader';
import type { ImportedSchedule, ImportedSession } from './schedule-reader';
import { SessionsRepository } from './sessions.repository';

const palette = [
  '#1f5f99',
  '#2e7d32',
  '#8e24aa',
  '#ef6c00',
  '#00838f',
  '#6d4c41',
  '#c62828',
  '#37474f',
];

/** Thrown to roll a dry run back after it has computed exactly what the import would do. */
class DryRun extends Error {
  constructor(readonly report: ScheduleImportReport) {
    super('dry run');
  }
}

/** Imports pretalx/frab schedule JSON into an event, idempotently by guid. */
@Injectable()
export class ScheduleImportService {
  constructor(
    private readonly rows: ScheduleImportRepository,
    private readonly sessions: SessionsRepository,
    private readonly cache: ProgrammeCache,
    private readonly audit: AuditService,
    private readonly reminders: ReminderScheduler,
  ) {}

  async import(
    principal: Principal,
    event: Event,
    body: unknown,
    dryRun: boolean,
  ): Promise<ScheduleImportReport> {
    const read = readSchedule(body, event.timeZone);
    if (!read.schedule) {
      const first = read.errors[0];
      throw new PlenumError(
        'SCHEDULE_INVALID',
        `The schedule cannot be imported: ${first ? `${first.path}: ${first.message}` : 'unreadable'}`,
        422,
        { fields: read.errors, details: { warnings: read.warnings } },
      );
    }
    const schedule = read.schedule;
    const warnings = [...read.warnings, ...this.planWarnings(event, schedule)];
    try {
      const report = await this.rows.transaction(async (manager) => {
        await this.rows.lockEvent(manager, event.id);
        const report = await this.apply(manager, event, schedule, warnings, dryRun);
        if (dryRun) throw new DryRun(report);
        await this.audit.record(
          {
            eventId: event.id,
            actorId: principal.userId,
            action: 'schedule.imported',
            targetType: 'event',
            targetId: event.id,
            details: {
              conference: schedule.title,
              created: report.created,
              updated: report.updated,
              unchanged: report.unchanged,
            },
          },
          manager,
        );
        return report;
      });
      await this.cache.invalidate(event.id);
      // Jobs of sessions the import moved are skipped as stale when they fire.
      await this.reminders.scheduleEvent(event.id);
      return report;
    } catch (err) {
      if (err instanceof DryRun) return err.report;
      throw err;
    }
  }

  private planWarnings(event: Event, schedule: ImportedSchedule): FieldError[] {
    const warnings: FieldError[] = [];
    if (schedule.timeZone && schedule.timeZone !== event.timeZone) {
      warnings.push({
        path: 'schedule.conference.time_zone_name',
        message: `The schedule is in ${schedule.timeZone}, the event in ${event.timeZone}: sessions keep their times and are shown in ${event.timeZone}`,
      });
    }
    const outside = schedule.sessions.filter((s) => {
      const day = localDay(s.startsAt, event.timeZone);
      return day < event.startsOn || day > event.endsOn;
    });
    if (outside.length) {
      warnings.push({
        path: outside[0]?.path ?? 'schedule.conference.days',
        message: `${outside.length} session(s) fall outside the event's dates (${event.startsOn} – ${event.endsOn})`,
      });
    }
    const byRoom = new Map<string, ImportedSession[]>();
    for (const s of schedule.sessions) byRoom.set(s.room, [...(byRoom.get(s.room) ?? []), s]);
    for (const list of byRoom.values()) {
      list.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
      for (let i = 1; i < list.length; i++) {
        const prev = list[i - 1];
        const cur = list[i];
        if (prev && cur && cur.startsAt < prev.endsAt) {
          warnings.push({
            path: cur.path,
            message: `"${cur.title}" overlaps "${prev.title}" in room "${cur.room}"`,
          });
        }
      }
    }
    return warnings;
  }

  private async apply(
    manager: EntityManager,
    event: Event,
    schedule: ImportedSchedule,
    warnings: FieldError[],
    dryRun: boolean,
  ): Promise<ScheduleImportReport> {
    const stages = new Map<string, Stage>(
      (await this.rows.stagesOf(manager, event.id)).map((s) => [s.name, s]),
    );
    const stagesCreated: string[] = [];
    for (const name of new Set(schedule.sessions.map((s) => s.room))) {
      if (stages.has(name)) continue;
      const stage = await this.rows.insertStage(manager, {
        eventId: event.id,
        name,
        position: stages.size,
      });
      stages.set(name, stage);
      stagesCreated.push(name);
    }

    const tracks = new Map<string, Track>(
      (await this.rows.tracksOf(manager, event.id)).map((t) => [t.name, t]),
    );
    const tracksCreated: string[] = [];
    for (const name of new Set(schedule.sessions.flatMap((s) => (s.track ? [s.track] : [])))) {
      if (tracks.has(name)) continue;
      const color =
        schedule.trackColors.get(name) ?? palette[tracks.size % palette.length] ?? '#3a6ea5';
      tracks.set(name, await this.rows.insertTrack(manager, { eventId: event.id, name, color }));
      tracksCreated.push(name);
    }

    const persons = new Map(schedule.sessions.flatMap((s) => s.persons.map((p) => [p.guid, p])));
    const speakers = new Map<string, Speaker>(
      (await this.rows.speakersByGuid(manager, event.id, [...persons.keys()])).map((s) => [
        s.guid,
        s,
      ]),
    );
    let speakersCreated = 0;
    let speakersUpdated = 0;
    for (const person of persons.values()) {
      const existing = speakers.get(person.guid);
      if (!existing) {
        speakers.set(
          person.guid,
          await this.rows.insertSpeaker(manager, {
            eventId: event.id,
            guid: person.guid,
            name: person.name,
            biography: person.biography,
          }),
        );
        speakersCreated++;
      } else if (
        existing.name !== person.name ||
        (person.biography && existing.biography !== person.biography)
      ) {
        // An empty biography in the file never wipes one the organizer wrote here.
        const biography = person.biography || existing.biography;
        await this.rows.updateSpeaker(manager, existing.id, { name: person.name, biography });
        speakersUpdated++;
      }
    }

    const existing = new Map(
      (
        await this.rows.sessionsByGuid(
          manager,
          event.id,
          schedule.sessions.map((s) => s.guid),
        )
      ).map((s) => [s.guid, s]),
    );
    const existingLinks = new Map<string, string>();
    if (existing.size) {
      const links = await this.rows.speakerLinksOf(
        manager,
        [...existing.values()].map((s) => s.id),
      );
      for (const l of links) {
        existingLinks.set(
          l.sessionId,
          `${existingLinks.get(l.sessionId) ?? ''}${l.speakerId}:${l.part};`,
        );
      }
    }

    const report: ScheduleImportReport = {
      dryRun,
      conference: { title: schedule.title, acronym: schedule.acronym, timeZone: schedule.timeZone },
      created: 0,
      updated: 0,
      unchanged: 0,
      stagesCreated,
      tracksCreated,
      speakersCreated,
      speakersUpdated,
      sessions: [],
      warnings,
    };

    for (const item of schedule.sessions) {
      const stageId = stages.get(item.room)?.id ?? null;
      const trackId = item.track ? (tracks.get(item.track)?.id ?? null) : null;
      const speakerLinks = [...new Set(item.persons.map((p) => p.guid))].flatMap(
        (guid, position) => {
          const speaker = speakers.get(guid);
          return speaker ? [{ speakerId: speaker.id, part: 'speaker' as const, position }] : [];
        },
      );
      const linkKey = speakerLinks.map((l) => `${l.speakerId}:${l.part};`).join('');
      const fields = {
        title: item.title,
        abstract: item.abstract,
        kind: item.kind,
        startsAt: item.startsAt,
        endsAt: item.endsAt,
        stageId,
        trackId,
        language: item.language,
      };
      const current = existing.get(item.guid);
      let action: 'create' | 'update' | 'unchanged';
      let changes: string[] = [];
      let sessionId: string;
      if (!current) {
        sessionId = await this.sessions.insertSession(manager, {
          eventId: event.id,
          guid: item.guid,
          ...fields,
        });
        action = 'create';
        report.created++;
      } else {
        sessionId = current.id;
        changes = (Object.keys(fields) as Array<keyof typeof fields>).filter((key) => {
          const a = fields[key];
          const b = current[key];
          return a instanceof Date && b instanceof Date ? a.getTime() !== b.getTime() : a !== b;
        });
        if ((existingLinks.get(current.id) ?? '') !== linkKey) changes.push('speakers');
        if (changes.length) {
          const moved = changes.some((c) => c === 'startsAt' || c === 'endsAt' || c === 'stageId');
          await this.sessions.updateSession(manager, current.id, {
            ...fields,
            sequence: moved ? current.sequence + 1 : current.sequence,
          });
          action = 'update';
          report.updated++;
        } else {
          action = 'unchanged';
          report.unchanged++;
        }
      }
      if (action === 'create' || changes.includes('speakers')) {
        await this.sessions.replaceSpeakers(manager, sessionId, speakerLinks);
      }
      report.sessions.push({
        guid: item.guid,
        title: item.title,
        startsAt: item.startsAt.toISOString(),
        action,
        changes,
      });
    }
    return report;
  }
}
