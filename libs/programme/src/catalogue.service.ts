import { Injectable } from '@nestjs/common';
import type { SpeakerView, StageView, TrackView } from '@plenum/contracts';
import type { Event } from '@plenum/db';
import type { Principal } from '@plenum/identity';
import { AuditService, PlenumError } from '@plenum/platform';
import { CatalogueRepository } from './catalogue.repository';
import type {
  SpeakerInputDto,
  SpeakerUpdateDto,
  StageInputDto,
  StageUpdateDto,
  TrackInputDto,
  TrackUpdateDto,
} from './programme.dto';
import { ProgrammeCache } from './programme-cache.service';
import { toSpeakerView } from './programme-reader.service';

const nameTaken = () =>
  PlenumError.validation([{ path: 'name', message: 'This event already has one with that name' }]);

/** The stages, tracks and speaker profiles that sessions are built from. */
@Injectable()
export class CatalogueService {
  constructor(
    private readonly catalogue: CatalogueRepository,
    private readonly cache: ProgrammeCache,
    private readonly audit: AuditService,
  ) {}

  async createStage(principal: Principal, event: Event, input: StageInputDto): Promise<StageView> {
    if (await this.catalogue.stageNamed(event.id, input.name)) throw nameTaken();
    // The unique index still decides when two organizers save the same name at once.
    const stage = await this.catalogue.insertStage(event.id, input);
    if (!stage) throw nameTaken();
    await this.changed(principal, event, 'stage.created', 'stage', stage.id);
    return { id: stage.id, name: stage.name, position: stage.position };
  }

  async updateStage(
    principal: Principal,
    event: Event,
    id: string,
    input: StageUpdateDto,
  ): Promise<StageView> {
    found(await this.catalogue.stageOf(event.id, id), 'Stage');
    if (input.name) {
      const taken = await this.catalogue.stageNamed(event.id, input.name);
      if (taken && taken.id !== id) throw nameTaken();
    }
    if (!(await this.catalogue.updateStage(id, input))) throw nameTaken();
    await this.changed(principal, event, 'stage.updated', 'stage', id);
    const saved = await this.catalogue.getStage(id);
    return { id: saved.id, name: saved.name, position: saved.position };
  }

  /** Its sessions stay in the programme without a stage (the foreign key sets null). */
  async deleteStage(principal: Principal, event: Event, id: string): Promise<void> {
    found(await this.catalogue.stageOf(event.id, id), 'Stage');
    await this.catalogue.deleteStage(id);
    await this.changed(principal, event, 'stage.deleted', 'stage', id);
  }

  async createTrack(principal: Principal, event: Event, input: TrackInputDto): Promise<TrackView> {
    if (await this.catalogue.trackNamed(event.id, input.name)) throw nameTaken();
    const track = await this.catalogue.insertTrack(event.id, input);
    if (!track) throw nameTaken();
    await this.changed(principal, event, 'track.created', 'track', track.id);
    return { id: track.id, name: track.name, color: track.color };
  }

  async updateTrack(
    principal: Principal,
    event: Event,
    id: string,
    input: TrackUpdateDto,
  ): Promise<TrackView> {
    found(await this.catalogue.trackOf(event.id, id), 'Track');
    if (input.name) {
      const taken = await this.catalogue.trackNamed(event.id, input.name);
      if (taken && taken.id !== id) throw nameTaken();
    }
    if (!(await this.catalogue.updateTrack(id, input))) throw nameTaken();
    await this.changed(principal, event, 'track.updated', 'track', id);
    const saved = await this.catalogue.getTrack(id);
    return { id: saved.id, name: saved.name, color: saved.color };
  }

  async deleteTrack(principal: Principal, event: Event, id: string): Promise<void> {
    found(await this.catalogue.trackOf(event.id, id), 'Track');
    await this.catalogue.deleteTrack(id);
    await this.changed(principal, event, 'track.deleted', 'track', id);
  }

  async createSpeaker(
    principal: Principal,
    event: Event,
    input: SpeakerInputDto,
  ): Promise<SpeakerView> {
    const speaker = await this.catalogue.insertSpeaker(event.id, input);
    await this.changed(principal, event, 'speaker.created', 'speaker', speaker.id);
    return toSpeakerView(speaker);
  }

  async updateSpeaker(
    principal: Principal,
    event: Event,
    id: string,
    input: SpeakerUpdateDto,
  ): Promise<SpeakerView> {
    found(await this.catalogue.speakerOf(event.id, id), 'Speaker');
    await this.catalogue.updateSpeaker(id, input);
    await this.changed(principal, event, 'speaker.updated', 'speaker', id);
    return toSpeakerView(await this.catalogue.getSpeaker(id));
  }

  async deleteSpeaker(principal: Principal, event: Event, id: string): Promise<void> {
    found(await this.catalogue.speakerOf(event.id, id), 'Speaker');
    await this.catalogue.deleteSpeaker(id);
    await this.changed(principal, event, 'speaker.deleted', 'speaker', id);
  }

  private async changed(
    principal: Principal,
    event: Event,
    action: string,
    targetType: string,
    targetId: string,
  ): Promise<void> {
    await this.audit.record({
      eventId: event.id,
      actorId: principal.userId,
      action,
      targetType,
      targetId,
    });
    await this.cache.invalidate(event.id);
  }
}

/** A stage, track or speaker of another event (or none) is not found here. */
function found<T>(row: T | null, what: string): T {
  if (!row) throw PlenumError.notFound(`${what} not found`);
  return row;
}
