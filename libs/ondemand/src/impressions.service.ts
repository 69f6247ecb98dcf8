import { Injectable } from '@nestjs/common';
import type { ImpressionUploadQuery, ImpressionView, UpdateImpression } from '@plenum/contracts';
import type { Event } from '@plenum/db';
import type { ResolvedAccess } from '@plenum/identity';
import { AuditService, FileStorage, PlenumError } from '@plenum/platform';
import type { IncomingUpload } from '@plenum/platform';
import type { MediaFile } from './media-response';
import { OnDemandAccessService } from './ondemand-access.service';
import { OnDemandRepository } from './ondemand.repository';

export function impressionImagePath(slug: string, id: string): string {
  return `/api/events/${encodeURIComponent(slug)}/media/impressions/${id}/image`;
}

/** The event's photo gallery: organizers upload, describe and order the photos. */
@Injectable()
export class ImpressionsService {
  constructor(
    private readonly access: OnDemandAccessService,
    private readonly audit: AuditService,
    private readonly storage: FileStorage,
    private readonly media: OnDemandRepository,
  ) {}

  async of(event: Event): Promise<ImpressionView[]> {
    const rows = await this.media.impressions(event.id);
    return rows.map((r) => ({
      id: r.id,
      imageUrl: this.access.links.sign(impressionImagePath(event.slug, r.id)),
      altText: r.altText,
      caption: r.caption,
      position: r.position,
    }));
  }

  async upload(
    { principal, event }: ResolvedAccess,
    query: ImpressionUploadQuery,
    file: IncomingUpload,
  ): Promise<ImpressionView[]> {
    const last = await this.media.lastImpressionPosition(event.id);
    const { key: storageKey, bytes } = await file.store(this.storage, 'impressions');
    const row = await this.media.addImpression({
      eventId: event.id,
      storageKey,
      contentType: file.contentType,
      sizeBytes: bytes,
      altText: query.alt,
      caption: query.caption,
      position: (last ?? -1) + 1,
      createdById: principal.userId,
    });
    await this.audit.record({
      eventId: event.id,
      actorId: principal.userId,
      action: 'impression.added',
      targetType: 'impression',
      targetId: row.id,
    });
    return this.of(event);
  }

  async update(
    { event }: ResolvedAccess,
    id: string,
    input: UpdateImpression,
  ): Promise<ImpressionView[]> {
    const row = await this.media.impression(event.id, id);
    if (!row) throw PlenumError.notFound('Photo not found');
    if (Object.keys(input).length > 0) await this.media.updateImpression(row.id, input);
    return this.of(event);
  }

  async remove({ principal, event }: ResolvedAccess, id: string): Promise<ImpressionView[]> {
    const row = await this.media.impression(event.id, id);
    if (!row) throw PlenumError.notFound('Photo not found');
    await this.media.deleteImpression(row.id);
    await this.storage.remove(row.storageKey);
    await this.audit.record({
      eventId: event.id,
      actorId: principal.userId,
      action: 'impression.removed',
      targetType: 'impression',
      targetId: row.id,
    });
    return this.of(event);
  }

  async image(event: Event, id: string): Promise<MediaFile> {
    const row = await this.media.impression(event.id, id);
    if (!row) throw PlenumError.notFound('Photo not found');
    return {
      size: await this.storage.size(row.storageKey),
      contentType: row.contentType,
      open: (start, end) => this.storage.read(row.storageKey, start, end),
    };
  }
}
