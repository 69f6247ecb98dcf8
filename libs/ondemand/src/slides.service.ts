import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In } from 'typeorm';
import type { Repository } from 'typeorm';
import type { SlideUploadQuery, SlideView } from '@plenum/contracts';
import { SessionSlide } from '@plenum/db';
import type { Event, Session } from '@plenum/db';
import type { SessionAccess, ViewerAccess } from '@plenum/identity';
import { AuditService, FileStorage, PlenumError } from '@plenum/platform';
import type { IncomingUpload } from '@plenum/platform';
import type { MediaFile } from './media-response';
import { OnDemandAccessService } from './ondemand-access.service';

export function slideFilePath(slug: string, slideId: string): string {
  return `/api/events/${encodeURIComponent(slug)}/media/slides/${slideId}/file`;
}

/** Slides (PDF): speakers share them for their own sessions, organizers for any. */
@Injectable()
export class SlidesService {
  constructor(
    private readonly access: OnDemandAccessService,
    private readonly audit: AuditService,
    private readonly storage: FileStorage,
    @InjectRepository(SessionSlide) private readonly slides: Repository<SessionSlide>,
  ) {}

  async list({ event, session }: ViewerAccess & { session: Session }): Promise<SlideView[]> {
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
    { principal, event, session }: SessionAccess,
    query: SlideUploadQuery,
    file: IncomingUpload,
  ): Promise<SlideView[]> {
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
    { principal, event, session }: SessionAccess,
    slideId: string,
  ): Promise<SlideView[]> {
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
}
