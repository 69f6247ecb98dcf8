import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { IMPRESSION_MAX_BYTES, impressionContentTypes } from '@plenum/contracts';
import type { ImpressionUploadQuery, ImpressionView, UpdateImpression } from '@plenum/contracts';
import { EventImpression } from '@plenum/db';
import type { Event } from '@plenum/db';
import type { ResolvedAccess } from '@plenum/identity';
import { AuditService, FileStorage, matchesSignature, PlenumError } from '@plenum/platform';
import type { MediaFile } from './media-response';
import { OnDemandAccessService, contentTypeOf } from './ondemand-access.service';

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
    @InjectRepository(EventImpression) private readonly impressions: Repository<EventImpression>,
  ) {}

  async of(event: Event): Promise<ImpressionView[]> {
    const rows = await this.impressions.find({
      where: { eventId: event.id },
      order: { position: 'ASC', createdAt: 'ASC' },
    });
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
    contentTypeHeader: string | undefined,
    body: unknown,
  ): Promise<ImpressionView[]> {
    const type = contentTypeOf(contentTypeHeader);
    if (!Buffer.isBuffer(body) || !(impressionContentTypes as readonly string[]).includes(type)) {
      throw new PlenumError('UNSUPPORTED_MEDIA_TYPE', 'Upload a JPEG, PNG or WebP photo', 415);
    }
    if (body.length === 0) {
      throw PlenumError.validation([{ path: 'body', message: 'The file is empty' }]);
    }
    if (body.length > IMPRESSION_MAX_BYTES) {
      throw new PlenumError('PAYLOAD_TOO_LARGE', 'A photo may be at most 8 MB', 413);
    }
    if (!matchesSignature(type, body)) {
      throw PlenumError.validation([
        { path: 'body', message: 'The file is not the kind of image it claims to be' },
      ]);
    }
    const last = await this.impressions
      .createQueryBuilder('i')
      .select('max(i.position)', 'max')
      .where('i.event_id = :eventId', { eventId: event.id })
      .getRawOne<{ max: number | null }>();
    const storageKey = await this.storage.put('impressions', body);
    const row = await this.impressions.save(
      this.impressions.create({
        eventId: event.id,
        storageKey,
        contentType: type,
        sizeBytes: body.length,
        altText: query.alt,
        caption: query.caption,
        position: (last?.max ?? -1) + 1,
        createdById: principal.userId,
      }),
    );
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
    const row = await this.impressions.findOneBy({ id, eventId: event.id });
    if (!row) throw PlenumError.notFound('Photo not found');
    if (Object.keys(input).length > 0) await this.impressions.update(row.id, input);
    return this.of(event);
  }

  async remove({ principal, event }: ResolvedAccess, id: string): Promise<ImpressionView[]> {
    const row = await this.impressions.findOneBy({ id, eventId: event.id });
    if (!row) throw PlenumError.notFound('Photo not found');
    await this.impressions.delete(row.id);
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
    const row = await this.impressions.findOneBy({ id, eventId: event.id });
    if (!row) throw PlenumError.notFound('Photo not found');
    return {
      size: await this.storage.size(row.storageKey),
      contentType: row.contentType,
      open: (start, end) => this.storage.read(row.storageKey, start, end),
    };
  }
}
