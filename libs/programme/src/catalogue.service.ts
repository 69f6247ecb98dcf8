import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { QueryFailedError } from 'typeorm';
import type { Repository } from 'typeorm';
import type { SpeakerView, StageView, TrackView } from '@plenum/contracts';
import { Event, Speaker, Stage, Track } from '@plenum/db';
import type { Principal } from '@plenum/identity';
import { AuditService, PlenumError } from '@plenum/platform';
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

function isUniqueViolation(err: unknown): boolean {
  return err instanceof QueryFailedError && (err.driverError as { code?: string }).code === '23505';
}

/** The stages, tracks and speaker profiles that sessions are built from. */
@Injectable()
export class CatalogueService {
  constructor(
    @InjectRepository(Stage) private readonly stages: Repository<Stage>,
    @InjectRepository(Track) private readonly tracks: Repository<Track>,
    @InjectRepository(Speaker) private readonly speakers: Repository<Speaker>,
    private readonly cache: ProgrammeCache,
    private readonly audit: AuditService,
  ) {}

  async createStage(principal: Principal, event: Event, input: StageInputDto): Promise<StageView> {
    await this.assertNameFree(this.stages, event, input.name, null);
    const stage = await this.unique(() => this.stages.save({ eventId: event.id, ...input }));
    await this.changed(principal, event, 'stage.created', 'stage', stage.id);
    return { id: stage.id, name: stage.name, position: stage.position };
  }

  async updateStage(
    principal: Principal,
    event: Event,
    id: string,
    input: StageUpdateDto,
  ): Promise<StageView> {
    const stage = await this.find(this.stages, event, id, 'Stage');
    if (input.name) await this.assertNameFree(this.stages, event, input.name, id);
    await this.unique(() => this.stages.update(stage.id, input));
    await this.changed(principal, event, 'stage.updated', 'stage', id);
    const saved = await this.stages.findOneByOrFail({ id });
    return { id: saved.id, name: saved.name, position: saved.position };
  }

  /** Its sessions stay in the programme without a stage (the foreign key sets null). */
  async deleteStage(principal: Principal, event: Event, id: string): Promise<void> {
    await this.find(this.stages, event, id, 'Stage');
    await this.stages.delete(id);
    await this.changed(principal, event, 'stage.deleted', 'stage', id);
  }

  async createTrack(principal: Principal, event: Event, input: TrackInputDto): Promise<TrackView> {
    await this.assertNameFree(this.tracks, event, input.name, null);
    const track = await this.unique(() => this.tracks.save({ eventId: event.id, ...input }));
    await this.changed(principal, event, 'track.created', 'track', track.id);
    return { id: track.id, name: track.name, color: track.color };
  }

  async updateTrack(
    principal: Principal,
    event: Event,
    id: string,
    input: TrackUpdateDto,
  ): Promise<TrackView> {
    await this.find(this.tracks, event, id, 'Track');
    if (input.name) await this.assertNameFree(this.tracks, event, input.name, id);
    await this.unique(() => this.tracks.update(id, input));
    await this.changed(principal, event, 'track.updated', 'track', id);
    const saved = await this.tracks.findOneByOrFail({ id });
    return { id: saved.id, name: saved.name, color: saved.color };
  }

  async deleteTrack(principal: Principal, event: Event, id: string): Promise<void> {
    await this.find(this.tracks, event, id, 'Track');
    await this.tracks.delete(id);
    await this.changed(principal, event, 'track.deleted', 'track', id);
  }

  async createSpeaker(
    principal: Principal,
    event: Event,
    input: SpeakerInputDto,
  ): Promise<SpeakerView> {
    const speaker = await this.speakers.save({ eventId: event.id, ...input });
    await this.changed(principal, event, 'speaker.created', 'speaker', speaker.id);
    return toSpeakerView(speaker);
  }

  async updateSpeaker(
    principal: Principal,
    event: Event,
    id: string,
    input: SpeakerUpdateDto,
  ): Promise<SpeakerView> {
    await this.find(this.speakers, event, id, 'Speaker');
    await this.speakers.update(id, input);
    await this.changed(principal, event, 'speaker.updated', 'speaker', id);
    return toSpeakerView(await this.speakers.findOneByOrFail({ id }));
  }

  async deleteSpeaker(principal: Principal, event: Event, id: string): Promise<void> {
    await this.find(this.speakers, event, id, 'Speaker');
    await this.speakers.delete(id);
    await this.changed(principal, event, 'speaker.deleted', 'speaker', id);
  }

  private async find<T extends { id: string; eventId: string }>(
    repo: Repository<T>,
    event: Event,
    id: string,
    what: string,
  ): Promise<T> {
    const row = await repo.findOne({ where: { id, eventId: event.id } as never });
    if (!row) throw PlenumError.notFound(`${what} not found`);
    return row;
  }

  private async assertNameFree<T extends { id: string }>(
    repo: Repository<T>,
    event: Event,
    name: string,
    ownId: string | null,
  ): Promise<void> {
    const taken = await repo.findOne({ where: { eventId: event.id, name } as never });
    if (taken && taken.id !== ownId) {
      throw PlenumError.validation([
        { path: 'name', message: 'This event already has one with that name' },
      ]);
    }
  }

  /** The unique index still decides when two organizers save the same name at once. */
  private async unique<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (err) {
      if (isUniqueViolation(err)) {
        throw PlenumError.validation([
          { path: 'name', message: 'This event already has one with that name' },
        ]);
      }
      throw err;
    }
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
