import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In } from 'typeorm';
import type { Repository } from 'typeorm';
import { rooms } from '@plenum/contracts';
import type {
  CreateWorkshopLink,
  WorkshopList,
  WorkshopMaterialView,
  WorkshopRegistrants,
  WorkshopView,
} from '@plenum/contracts';
import {
  Event,
  Membership,
  Session,
  SessionSpeaker,
  User,
  WorkshopMaterial,
  WorkshopRegistration,
  WorkshopSettings,
} from '@plenum/db';
import { PermissionsService } from '@plenum/identity';
import { csvCell, FileStorage, LiveEmitter, PlenumError } from '@plenum/platform';
import type { IncomingUpload } from '@plenum/platform';
import { LiveKitRoomsService, VideoAccessService, videoRoomName } from '@plenum/video';
import {
  WorkshopRegistrationsService,
  registrationClosesAt,
} from './workshop-registrations.service';

/** The list, the hosts' view of the registrants, materials and the hosts' room controls. */
@Injectable()
export class WorkshopsService {
  constructor(
    private readonly registrations: WorkshopRegistrationsService,
    private readonly permissions: PermissionsService,
    private readonly videoAccess: VideoAccessService,
    private readonly videoRooms: LiveKitRoomsService,
    private readonly live: LiveEmitter,
    @InjectRepository(Session) private readonly sessions: Repository<Session>,
    @InjectRepository(SessionSpeaker) private readonly sessionSpeakers: Repository<SessionSpeaker>,
    @InjectRepository(WorkshopSettings) private readonly settings: Repository<WorkshopSettings>,
    @InjectRepository(WorkshopRegistration)
    private readonly registrationRows: Repository<WorkshopRegistration>,
    @InjectRepository(WorkshopMaterial) private readonly materials: Repository<WorkshopMaterial>,
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly storage: FileStorage,
  ) {}

  async list(event: Event, userId: string, memberships: Membership[]): Promise<WorkshopList> {
    const sessions = await this.sessions.find({
      where: { eventId: event.id, kind: 'workshop' },
      order: { startsAt: 'ASC', title: 'ASC' },
    });
    const workshops = await Promise.all(sessions.map((s) => this.view(s, userId, memberships)));
    return { workshops };
  }

  async one(event: Event, sessionId: string, userId: string, memberships: Membership[]) {
    return this.view(await this.workshopOf(event, sessionId), userId, memberships);
  }

  async isHost(userId: string, memberships: Membership[], sessionId: string): Promise<boolean> {
    if (this.permissions.allows(memberships, 'session.moderate', { sessionId })) return true;
    return this.videoAccess.isOnSession(userId, memberships, [sessionId], 'host');
  }

  async assertHost(userId: string, memberships: Membership[], sessionId: string) {
    if (!(await this.isHost(userId, memberships, sessionId))) {
      throw PlenumError.forbidden("Only the workshop's hosts and the organizers do this");
    }
  }

  /** Registrants and hosts see what is shared in the workshop; everyone else is told no. */
  async assertParticipant(userId: string, memberships: Membership[], sessionId: string) {
    if (await this.registrations.isConfirmed(sessionId, userId)) return;
    if (await this.isHost(userId, memberships, sessionId)) return;
    throw PlenumError.forbidden("Only the workshop's confirmed participants and hosts see this");
  }

  async workshopOf(event: Event, sessionId: string): Promise<Session> {
    const session = await this.sessions.findOneBy({ id: sessionId, eventId: event.id });
    if (!session || session.kind !== 'workshop') throw PlenumError.notFound('Workshop not found');
    return session;
  }

  async registrants(event: Event, sessionId: string): Promise<WorkshopRegistrants> {
    const session = await this.workshopOf(event, sessionId);
    const rows = await this.registrationRows.find({
      where: { sessionId },
      relations: { user: true },
      order: { arrival: 'ASC' },
    });
    let waiting = 0;
    return {
      seats: await this.registrations.seats(session),
      registrants: rows.map((r) => ({
        userId: r.userId,
        displayName: r.user?.displayName ?? '',
        email: r.user?.email ?? '',
        status: r.status,
        position: r.status === 'waitlisted' ? ++waiting : null,
        registeredAt: r.updatedAt.toISOString(),
        confirmedAt: r.confirmedAt?.toISOString() ?? null,
        cancelledAt: r.cancelledAt?.toISOString() ?? null,
      })),
    };
  }

  async registrantsCsv(event: Event, sessionId: string): Promise<string> {
    const { registrants } = await this.registrants(event, sessionId);
    const header = ['status', 'position', 'name', 'email', 'confirmed_at', 'cancelled_at'];
    const lines = registrants.map((r) =>
      [
        r.status,
        r.position === null ? '' : String(r.position),
        r.displayName,
        r.email,
        r.confirmedAt ?? '',
        r.cancelledAt ?? '',
      ]
        .map(csvCell)
        .join(','),
    );
    return [header.join(','), ...lines].join('\r\n') + '\r\n';
  }

  async updateWindow(
    event: Event,
    sessionId: string,
    window: { registrationOpensAt?: string | null; registrationClosesAt?: string | null },
  ): Promise<void> {
    await this.workshopOf(event, sessionId);
    const current = await this.settings.findOneBy({ sessionId });
    const opens =
      window.registrationOpensAt === undefined
        ? (current?.registrationOpensAt ?? null)
        : window.registrationOpensAt && new Date(window.registrationOpensAt);
    const closes =
      window.registrationClosesAt === undefined
        ? (current?.registrationClosesAt ?? null)
        : window.registrationClosesAt && new Date(window.registrationClosesAt);
    if (opens && closes && closes <= opens) {
      throw PlenumError.validation([
        { path: 'registrationClosesAt', message: 'Must be after the opening' },
      ]);
    }
    await this.settings.upsert(
      { sessionId, registrationOpensAt: opens, registrationClosesAt: closes },
      ['sessionId'],
    );
  }

  async materialsOf(sessionId: string, slug: string): Promise<WorkshopMaterialView[]> {
    const rows = await this.materials.find({ where: { sessionId }, order: { createdAt: 'ASC' } });
    return rows.map((m) => ({
      id: m.id,
      title: m.title,
      kind: m.url ? 'link' : 'file',
      url: m.url ?? `/api/events/${slug}/workshops/${sessionId}/materials/${m.id}/file`,
      fileName: m.fileName,
      sizeBytes: m.sizeBytes,
      createdAt: m.createdAt.toISOString(),
    }));
  }

  async addLink(sessionId: string, userId: string, link: CreateWorkshopLink): Promise<void> {
    await this.materials.insert({
      sessionId,
      title: link.title,
      url: link.url,
      createdById: userId,
    });
  }

  /** Keeps the file under a random name; the uploaded name is only shown and sent back. */
  async addFile(
    sessionId: string,
    userId: string,
    file: { title: string; fileName: string; upload: IncomingUpload },
  ): Promise<void> {
    const stored = await file.upload.store(this.storage, 'workshop-materials');
    await this.materials.insert({
      sessionId,
      title: file.title,
      storageKey: stored.key,
      fileName: file.fileName,
      contentType: file.upload.contentType,
      sizeBytes: stored.bytes,
      createdById: userId,
    });
  }

  async materialFile(sessionId: string, id: string) {
    const material = await this.materials.findOneBy({ id, sessionId });
    if (!material?.storageKey) throw PlenumError.notFound('File not found');
    return { material, data: await this.storage.get(material.storageKey) };
  }

  async removeMaterial(sessionId: string, id: string): Promise<WorkshopMaterial> {
    const material = await this.materials.findOneBy({ id, sessionId });
    if (!material) throw PlenumError.notFound('Material not found');
    await this.materials.delete({ id });
    if (material.storageKey) {
      await this.storage.remove(material.storageKey);
    }
    return material;
  }

  /** Stops what the participant sends (camera, microphone, screen); they may switch it on again. */
  async mute(event: Event, sessionId: string, userId: string): Promise<boolean> {
    const room = videoRoomName(event.id, { kind: 'workshop', sessionId });
    return this.videoRooms.mutePublishedTracks(room, userId);
  }

  /** Removes the participant from the video room; their registration stays. */
  async remove(event: Event, sessionId: string, userId: string): Promise<boolean> {
    const room = videoRoomName(event.id, { kind: 'workshop', sessionId });
    return this.videoRooms.removeParticipant(room, userId);
  }

  spotlight(sessionId: string, userId: string | null): void {
    this.live.to(rooms.workshop(sessionId)).emit('workshop:spotlight', { sessionId, userId });
  }

  private async view(
    session: Session,
    userId: string,
    memberships: Membership[],
  ): Promise<WorkshopView> {
    const [seats, mine, settings, isHost, hosts] = await Promise.all([
      this.registrations.seats(session),
      this.registrations.mine(session.id, userId),
      this.settings.findOneBy({ sessionId: session.id }),
      this.isHost(userId, memberships, session.id),
      this.hostNames(session.id),
    ]);
    const closes = registrationClosesAt(session, settings);
    const opens = settings?.registrationOpensAt ?? null;
    const now = new Date();
    return {
      id: session.id,
      title: session.title,
      abstract: session.abstract,
      startsAt: session.startsAt.toISOString(),
      endsAt: session.endsAt.toISOString(),
      state: session.state,
      hosts,
      seats,
      registrationOpensAt: opens?.toISOString() ?? null,
      registrationClosesAt: closes.toISOString(),
      registrationOpen:
        session.state !== 'cancelled' &&
        session.state !== 'ended' &&
        (!opens || opens <= now) &&
        now < closes,
      mine,
      isHost,
    };
  }

  private async hostNames(sessionId: string): Promise<string[]> {
    const links = await this.sessionSpeakers.find({
      where: { sessionId, part: In(['host', 'speaker']) },
      relations: { speaker: true },
    });
    return links.map((l) => l.speaker?.name ?? '').filter(Boolean);
  }
}

/** Quotes a CSV cell, and defuses cells a spreadsheet would run as a formula. */
