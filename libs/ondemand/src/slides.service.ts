import { Injectable } from '@nestjs/common';
import type { SlideUploadQuery, SlideView } from '@plenum/contracts';
import type { Event, Session } from '@plenum/db';
import type { SessionAccess, ViewerAccess } from '@plenum/identity';
import { AuditService, FileStorage, PlenumError } from '@plenum/platform';
import type { IncomingUpload } from '@plenum/platform';
import type { MediaFile } from './media-response';
import { OnDemandAccessService } from './ondemand-access.service';
import { OnDemandRepository } from './ondemand.repository';

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
    private readonly media: OnDemandRepository,
  ) {}

  async list({ event, session }: ViewerAccess & { session: Session }): Promise<SlideView[]> {
    return (await this.of(event, [session.id])).get(session.id) ?? [];
  }

  async of(event: Event, sessionIds: string[]): Promise<Map<string, SlideView[]>> {
    const result = new Map<string, SlideView[]>();
    if (sessionIds.length === 0) return result;
    const rows = await this.media.slides(sessionIds);
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
    const slide = await this.media.addSlide({
      eventId: event.id,
      sessionId: session.id,
      title: query.title,
      fileName: query.name,
      storageKey,
      sizeBytes: bytes,
      uploadedById: principal.userId,
    });
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
    const slide = await this.media.slide({ sessionId: session.id }, slideId);
    if (!slide) throw PlenumError.notFound('Slides not found');
    await this.media.deleteSlide(slide.id);
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
    const slide = await this.media.slide({ eventId: event.id }, slideId);
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
