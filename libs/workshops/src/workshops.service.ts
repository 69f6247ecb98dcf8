import { Injectable } from '@nestjs/common';
import { rooms } from '@plenum/contracts';
import type {
  CreateWorkshopLink,
  UpdateWorkshop,
  WorkshopList,
  WorkshopMaterialView,
  WorkshopRegistrants,
  WorkshopView,
} from '@plenum/contracts';
import type { Event, Session, WorkshopMaterial } from '@plenum/db';
import type { ResolvedAccess, SessionAccess } from '@plenum/identity';
import { csvCell, FileStorage, LiveEmitter, PlenumError } from '@plenum/platform';
import type { IncomingUpload } from '@plenum/platform';
import { LiveKitRoomsService, videoRoomName } from '@plenum/video';
import { WorkshopRegistrationsRepository } from './workshop-registrations.repository';
import {
  WorkshopRegistrationsService,
  registrationClosesAt,
} from './workshop-registrations.service';
import { WorkshopsRepository } from './workshops.repository';

/** The list, the hosts' view of the registrants, materials and the hosts' room controls. */
@Injectable()
export class WorkshopsService {
  constructor(
    private readonly workshops: WorkshopsRepository,
    private readonly registrationRows: WorkshopRegistrationsRepository,
    private readonly registrations: WorkshopRegistrationsService,
    private readonly videoRooms: LiveKitRoomsService,
    private readonly live: LiveEmitter,
    private readonly storage: FileStorage,
  ) {}

  async list(access: ResolvedAccess): Promise<WorkshopList> {
    const sessions = await this.workshops.workshopsOf(access.event.id);
    return { workshops: await Promise.all(sessions.map((s) => this.view(access, s))) };
  }

  async one(access: SessionAccess): Promise<WorkshopView> {
    return this.view(access, workshopOf(access.session));
  }

  /**
   * Whether the person hosts this workshop: its organizers and moderators, a speaker invited
   * for it, or a speaker whose profile is on it as host (a co-speaker's profile is not).
   */
  async isHost(access: ResolvedAccess, sessionId: string): Promise<boolean> {
    if (access.can('session.moderate', { sessionId })) return true;
    // No speaker role on this workshop at all: nothing to look up.
    if (!access.can('workshop.host', { sessionId })) return false;
    if (access.memberships.some((m) => m.role === 'speaker' && m.sessionId === sessionId)) {
      return true;
    }
    return this.workshops.hostsByProfile(sessionId, access.principal.userId);
  }

  /** The workshop the route names, for its hosts only. */
  async hostedWorkshop(access: SessionAccess): Promise<Session> {
    const session = workshopOf(access.session);
    if (!(await this.isHost(access, session.id))) {
      throw PlenumError.forbidden("Only the workshop's hosts and the organizers do this");
    }
    return session;
  }

  /** The workshop the route names, for its confirmed participants and hosts only. */
  async sharedWorkshop(access: SessionAccess): Promise<Session> {
    const session = workshopOf(access.session);
    if (await this.registrations.isConfirmed(session.id, access.principal.userId)) return session;
    if (await this.isHost(access, session.id)) return session;
    throw PlenumError.forbidden("Only the workshop's confirmed participants and hosts see this");
  }

  /** Organizers change the seats and the registration window. */
  async update(access: SessionAccess, input: UpdateWorkshop): Promise<WorkshopView> {
    const session = workshopOf(access.session);
    if (input.registrationOpensAt !== undefined || input.registrationClosesAt !== undefined) {
      await this.updateWindow(session, input);
    }
    if (input.capacity === undefined) return this.view(access, session);
    await this.registrations.setCapacity(access.event.id, session.id, input.capacity);
    return this.view(access, { ...session, capacity: input.capacity });
  }

  async registrants(session: Session): Promise<WorkshopRegistrants> {
    const rows = await this.registrationRows.registrantsOf(session.id);
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

  async registrantsCsv(session: Session): Promise<string> {
    const { registrants } = await this.registrants(session);
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

  private async updateWindow(
    session: Session,
    window: { registrationOpensAt?: string | null; registrationClosesAt?: string | null },
  ): Promise<void> {
    const current = await this.workshops.settingsOf(session.id);
    const opens =
      window.registrationOpensAt === undefined
        ? (current?.registrationOpensAt ?? null)
        : window.registrationOpensAt
          ? new Date(window.registrationOpensAt)
          : null;
    const closes =
      window.registrationClosesAt === undefined
        ? (current?.registrationClosesAt ?? null)
        : window.registrationClosesAt
          ? new Date(window.registrationClosesAt)
          : null;
    if (opens && closes && closes <= opens) {
      throw PlenumError.validation([
        { path: 'registrationClosesAt', message: 'Must be after the opening' },
      ]);
    }
    await this.workshops.setWindow(session.id, {
      registrationOpensAt: opens,
      registrationClosesAt: closes,
    });
  }

  async materialsOf(session: Session, event: Event): Promise<WorkshopMaterialView[]> {
    const rows = await this.workshops.materialsOf(session.id);
    return rows.map((m) => ({
      id: m.id,
      title: m.title,
      kind: m.url ? 'link' : 'file',
      url: m.url ?? `/api/events/${event.slug}/workshops/${session.id}/materials/${m.id}/file`,
      fileName: m.fileName,
      sizeBytes: m.sizeBytes,
      createdAt: m.createdAt.toISOString(),
    }));
  }

  async addLink(sessionId: string, userId: string, link: CreateWorkshopLink): Promise<void> {
    await this.workshops.insertMaterial({
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
    await this.workshops.insertMaterial({
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
    const material = await this.workshops.materialOf(sessionId, id);
    if (!material?.storageKey) throw PlenumError.notFound('File not found');
    return { material, data: await this.storage.get(material.storageKey) };
  }

  async removeMaterial(sessionId: string, id: string): Promise<WorkshopMaterial> {
    const material = await this.workshops.materialOf(sessionId, id);
    if (!material) throw PlenumError.notFound('Material not found');
    await this.workshops.deleteMaterial(id);
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

  private async view(access: ResolvedAccess, session: Session): Promise<WorkshopView> {
    const [seats, mine, settings, isHost, hosts] = await Promise.all([
      this.registrations.seats(session),
      this.registrations.mine(session.id, access.principal.userId),
      this.workshops.settingsOf(session.id),
      this.isHost(access, session.id),
      this.workshops.hostNames(session.id),
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
}

/** Workshop routes name sessions; one that is not a workshop is not found here. */
function workshopOf(session: Session): Session {
  if (session.kind !== 'workshop') throw PlenumError.notFound('Workshop not found');
  return session;
}
