import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In } from 'typeorm';
import type { Repository } from 'typeorm';
import type { SlideUploadQuery, SlideView } from '@plenum/contracts';
import { SessionSlide } from '@plenum/db';
import type { Event, Membership, Session } from '@plenum/db';
import { PermissionsService } from '@plenum/identity';
import type { Principal } from '@plenum/identity';
import { AuditService, FileStorage, PlenumError } from '@plenum/platform';
import type { IncomingUpload } from '@plenum/platform';
import { VideoAccessService } from '@plenum/video';
import type { MediaFile } from './media-response';
import { OnDemandAccessService } from './ondemand-access.service';

export function slideFilePath(slug: string, slideId: string): string {
  return `/api/events/${encodeURIComponent(slug)}/media/slides/${slideId}/file`;
}

/** Slides (PDF): speakers share them for their own sessions, organizers for any. */
@Injectable()
export class SlidesService {
  constructor(
    private readonly permissions: PermissionsService,
    private readonly access: OnDemandAccessService,
    private readonly video: VideoAccessService,
    private readonly audit: AuditService,
    private readonly storage: FileStorage,
    @InjectRepository(SessionSlide) private readonly slides: Repository<SessionSlide>,
  ) {}

  /** Organizers for any session; speakers for the sessions they speak in. */
  async mayUpload(userId: string, memberships: Membership[], sessionId: string): Promise<boolean> {
    if (this.permissions.allows(memberships, 'programme.edit')) return true;
    return this.video.isOnSession(userId, memberships, [sessionId]);
  }

  async list(
    principal: Principal | undefined,
    slug: string,
    sessionId: string,
  ): Promise<SlideView[]> {
    const { event } = await this.access.viewer(principal, slug);
    const session = await this.access.sessionOf(event, sessionId);
    return (await this.of(event, [session.id])).get(session.id) ?? [];
  }

  async of(event: Event, sessionIds: string[]): Promise<Map<string, SlideView[]>> {
    const result = new Map<string, SlideView[]>();
    if (sessionIds.length === 0) return result;
    const rows = await this.slides.find({
      where: { sessionId: In(sessionIds) },
      order: { createdAt: 'ASC' },
    });
    for (const row of rows) {
      const list = result.get(row.sessionId) ?? [];
      list.push({
        id: row.id,
        sessionId: row.sessionId,
        title: row.title,
        fileName: row.fileName,
        sizeBytes: row.sizeBytes,
        downloadUrl: this.access.links.sign(slideFilePath(event.slug, row.id)),
        createdAt: row.createdAt.toISOString(),
      });
      result.set(row.sessionId, list);
    }
    return result;
  }

  async upload(
    principal: Principal,
    slug: string,
    sessionId: string,
    query: SlideUploadQuery,
    file: IncomingUpload,
  ): Promise<SlideView[]> {
    const { event, session } = await this.forChange(principal, slug, sessionId);
    const { key: storageKey, bytes } = await file.store(this.storage, 'slides');
    const slide = await this.slides.save(
      this.slides.create({
        eventId: event.id,
        sessionId: session.id,
        title: query.title,
        fileName: query.name,
        storageKey,
        sizeBytes: bytes,
        uploadedById: principal.userId,
      }),
    );
    await this.audit.record({
      eventId: event.id,
      actorId: principal.userId,
      action: 'slides.uploaded',
      targetType: 'session',
      targetId: session.id,
      details: { slideId: slide.id, fileName: slide.fileName },
    });
    return (await this.of(event, [session.id])).get(session.id) ?? [];
  }

  async remove(
    principal: Principal,
    slug: string,
    sessionId: string,
    slideId: string,
  ): Promise<SlideView[]> {
    const { event, session } = await this.forChange(principal, slug, sessionId);
    const slide = await this.slides.findOneBy({ id: slideId, sessionId: session.id });
    if (!slide) throw PlenumError.notFound('Slides not found');
    await this.slides.delete(slide.id);
    await this.storage.remove(slide.storageKey);
    await this.audit.record({
      eventId: event.id,
      actorId: principal.userId,
      action: 'slides.removed',
      targetType: 'session',
      targetId: session.id,
      details: { slideId: slide.id, fileName: slide.fileName },
    });
    return (await this.of(event, [session.id])).get(session.id) ?? [];
  }

  async file(event: Event, slideId: string): Promise<MediaFile> {
    const slide = await this.slides.findOneBy({ id: slideId, eventId: event.id });
    if (!slide) throw PlenumError.notFound('Slides not found');
    return {
      size: await this.storage.size(slide.storageKey),
      contentType: 'application/pdf',
      downloadName: slide.fileName.toLowerCase().endsWith('.pdf')
        ? slide.fileName
        : `${slide.fileName}.pdf`,
      open: (start, end) => this.storage.read(slide.storageKey, start, end),
    };
  }

  private async forChange(
    principal: Principal,
    slug: string,
    sessionId: string,
  ): Promise<{ event: Event; session: Session }> {
    const { event, memberships } = await this.permissions.eventFor(principal, slug, 'event.member');
    const session = await this.access.sessionOf(event, sessionId);
    if (!(await this.mayUpload(principal.userId, memberships, session.id))) {
      throw PlenumError.forbidden('Only the speakers of this session and organizers share slides');
    }
    return { event, session };
  }
}
