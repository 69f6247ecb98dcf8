import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type {
  BoothDocumentView,
  BoothSummaryView,
  BoothView,
  UpdateBoothRequest,
} from '@plenum/contracts';
import { Booth, BoothDocument, Event } from '@plenum/db';
import type { Principal, ResolvedAccess } from '@plenum/identity';
import { PermissionsService } from '@plenum/identity';
import { PresenceService } from '@plenum/live';
import { AuditService, FileStorage, PlenumError } from '@plenum/platform';
import type { IncomingUpload } from '@plenum/platform';
import { renderBoothMarkdown } from './booth-markdown';

export type BoothImageKind = 'logo' | 'banner';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class BoothsService {
  constructor(
    @InjectRepository(Booth) private readonly booths: Repository<Booth>,
    @InjectRepository(BoothDocument) private readonly documents: Repository<BoothDocument>,
    @InjectRepository(Event) private readonly events: Repository<Event>,
    private readonly permissions: PermissionsService,
    private readonly storage: FileStorage,
    private readonly audit: AuditService,
    private readonly presence: PresenceService,
  ) {}

  /** The ids of the booth's staff who are in its room now. */
  staffOnline(boothId: string): Promise<string[]> {
    return this.presence.members(`booth:${boothId}`, 'staff');
  }

  /** A booth of the event by id or slug; 404 for anything not in this event. */
  async find(event: Event, ref: string): Promise<Booth> {
    const booth = uuidPattern.test(ref)
      ? await this.booths.findOneBy({ eventId: event.id, id: ref })
      : await this.booths.findOneBy({ eventId: event.id, slug: ref });
    if (!booth) throw PlenumError.notFound('Booth not found');
    return booth;
  }

  /**
   * Any member of the event may visit the hall, including staff whose only role is scoped to
   * their booth (which `event.member` alone would not count); others get a 404.
   */
  async access(
    principal: Principal,
    slug: string,
  ): Promise<Pick<ResolvedAccess, 'event' | 'memberships'>> {
    const event = await this.events.findOneBy({ slug });
    if (!event) throw PlenumError.notFound('Event not found');
    const memberships = await this.permissions.membershipsOf(principal.userId, event.id);
    if (memberships.length === 0) throw PlenumError.notFound('Event not found');
    return { event, memberships };
  }

  /** Resolves the booth and checks that the caller staffs it (or organizes the event). */
  async manageable(principal: Principal, slug: string, ref: string): Promise<Booth> {
    const { event, memberships } = await this.access(principal, slug);
    const booth = await this.find(event, ref);
    if (!this.permissions.allows(memberships, 'booth.manage', { boothId: booth.id })) {
      throw PlenumError.forbidden();
    }
    return booth;
  }

  async list(principal: Principal, slug: string): Promise<BoothSummaryView[]> {
    const { event } = await this.access(principal, slug);
    const booths = await this.booths.find({
      where: { eventId: event.id },
      order: { position: 'ASC', organisation: 'ASC' },
    });
    const now = new Date();
    const online = await Promise.all(booths.map((b) => this.staffOnline(b.id)));
    return booths.map((b, i) => this.summary(event, b, now, online[i]?.length ?? 0));
  }

  async get(principal: Principal, slug: string, ref: string): Promise<BoothView> {
    const { event, memberships } = await this.access(principal, slug);
    const booth = await this.find(event, ref);
    const documents = await this.documents.find({
      where: { boothId: booth.id },
      order: { createdAt: 'ASC' },
    });
    const online = await this.staffOnline(booth.id);
    return {
      ...this.summary(event, booth, new Date(), online.length),
      description: booth.description,
      descriptionHtml: renderBoothMarkdown(booth.description),
      bannerUrl: booth.bannerKey ? this.imageUrl(event, booth, 'banner') : null,
      links: booth.links,
      openingHours: booth.openingHours,
      documents: documents.map((d) => this.documentView(event, booth, d)),
      canManage: this.permissions.allows(memberships, 'booth.manage', { boothId: booth.id }),
    };
  }

  async update(
    principal: Principal,
    slug: string,
    ref: string,
    input: UpdateBoothRequest,
  ): Promise<BoothView> {
    const booth = await this.manageable(principal, slug, ref);
    const { tier, ...texts } = input;
    if (tier !== undefined && tier !== booth.tier) {
      // The tier is what the exhibitor paid for: only organizers change it.
      const { event } = await this.permissions.eventFor(principal, slug, 'event.update');
      await this.booths.update({ id: booth.id, eventId: event.id }, { tier });
    }
    if (Object.keys(texts).length > 0) await this.booths.update(booth.id, texts);
    await this.audit.record({
      eventId: booth.eventId,
      actorId: principal.userId,
      action: 'booth.updated',
      targetType: 'booth',
      targetId: booth.id,
      details: { fields: Object.keys(input) },
    });
    return this.get(principal, slug, booth.id);
  }

  async setImage(
    principal: Principal,
    slug: string,
    ref: string,
    kind: BoothImageKind,
    file: IncomingUpload,
  ): Promise<BoothView> {
    const booth = await this.manageable(principal, slug, ref);
    const type = file.contentType;
    const { key, bytes } = await file.store(this.storage, 'booth-images');
    const previous = kind === 'logo' ? booth.logoKey : booth.bannerKey;
    await this.booths.update(
      booth.id,
      kind === 'logo'
        ? { logoKey: key, logoContentType: type }
        : { bannerKey: key, bannerContentType: type },
    );
    if (previous) await this.storage.remove(previous);
    await this.audit.record({
      eventId: booth.eventId,
      actorId: principal.userId,
      action: `booth.${kind}-changed`,
      targetType: 'booth',
      targetId: booth.id,
      details: { bytes, contentType: type },
    });
    return this.get(principal, slug, booth.id);
  }

  /** Booth images are public like the event's logo, so plain <img> tags can show them. */
  async image(
    slug: string,
    boothId: string,
    kind: BoothImageKind,
  ): Promise<{ data: Buffer; contentType: string }> {
    const event = await this.events.findOneBy({ slug });
    if (!event || !uuidPattern.test(boothId)) throw PlenumError.notFound('Image not found');
    const booth = await this.booths.findOneBy({ id: boothId, eventId: event.id });
    const key = kind === 'logo' ? booth?.logoKey : booth?.bannerKey;
    const contentType = kind === 'logo' ? booth?.logoContentType : booth?.bannerContentType;
    if (!key || !contentType) throw PlenumError.notFound('Image not found');
    return { data: await this.storage.get(key), contentType };
  }

  async addDocument(
    principal: Principal,
    slug: string,
    ref: string,
    title: string | undefined,
    fileName: string | undefined,
    file: IncomingUpload,
  ): Promise<BoothDocumentView> {
    const booth = await this.manageable(principal, slug, ref);
    const type = file.contentType;
    const name = safeFileName(fileName);
    const cleanTitle = (title ?? '').trim().slice(0, 200) || name;
    const { key, bytes } = await file.store(this.storage, 'booth-documents');
    const saved = await this.documents.save(
      this.documents.create({
        boothId: booth.id,
        title: cleanTitle,
        fileName: name,
        contentType: type,
        bytes,
        storageKey: key,
      }),
    );
    await this.audit.record({
      eventId: booth.eventId,
      actorId: principal.userId,
      action: 'booth.document-added',
      targetType: 'booth',
      targetId: booth.id,
      details: { documentId: saved.id, bytes, contentType: type },
    });
    const event = await this.events.findOneByOrFail({ id: booth.eventId });
    return this.documentView(event, booth, saved);
  }

  async renameDocument(
    principal: Principal,
    slug: string,
    ref: string,
    documentId: string,
    title: string,
  ): Promise<BoothDocumentView> {
    const booth = await this.manageable(principal, slug, ref);
    const doc = await this.documents.findOneBy({ id: documentId, boothId: booth.id });
    if (!doc) throw PlenumError.notFound('Document not found');
    await this.documents.update(doc.id, { title });
    await this.audit.record({
      eventId: booth.eventId,
      actorId: principal.userId,
      action: 'booth.document-renamed',
      targetType: 'booth',
      targetId: booth.id,
      details: { documentId: doc.id },
    });
    const event = await this.events.findOneByOrFail({ id: booth.eventId });
    return this.documentView(event, booth, { ...doc, title });
  }

  async removeDocument(
    principal: Principal,
    slug: string,
    ref: string,
    documentId: string,
  ): Promise<void> {
    const booth = await this.manageable(principal, slug, ref);
    const doc = await this.documents.findOneBy({ id: documentId, boothId: booth.id });
    if (!doc) throw PlenumError.notFound('Document not found');
    await this.documents.delete(doc.id);
    await this.storage.remove(doc.storageKey);
    await this.audit.record({
      eventId: booth.eventId,
      actorId: principal.userId,
      action: 'booth.document-removed',
      targetType: 'booth',
      targetId: booth.id,
      details: { documentId: doc.id },
    });
  }

  async document(
    principal: Principal,
    slug: string,
    ref: string,
    documentId: string,
  ): Promise<{ doc: BoothDocument; data: Buffer }> {
    const { event } = await this.access(principal, slug);
    const booth = await this.find(event, ref);
    const doc = await this.documents.findOneBy({ id: documentId, boothId: booth.id });
    if (!doc) throw PlenumError.notFound('Document not found');
    return { doc, data: await this.storage.get(doc.storageKey) };
  }

  private summary(event: Event, booth: Booth, now: Date, staffOnline: number): BoothSummaryView {
    return {
      id: booth.id,
      slug: booth.slug,
      organisation: booth.organisation,
      tagline: booth.tagline,
      tier: booth.tier,
      topics: booth.topics,
      position: booth.position,
      logoUrl: booth.logoKey ? this.imageUrl(event, booth, 'logo') : null,
      openNow: isOpen(booth, now),
      staffOnline,
    };
  }

  private imageUrl(event: Event, booth: Booth, kind: BoothImageKind): string {
    // The version makes a replaced image a new URL, so long cache lifetimes stay correct.
    const version = kind === 'logo' ? booth.logoKey : booth.bannerKey;
    return `/api/events/${event.slug}/booths/${booth.id}/${kind}?v=${version?.slice(-8) ?? ''}`;
  }

  private documentView(event: Event, booth: Booth, doc: BoothDocument): BoothDocumentView {
    return {
      id: doc.id,
      title: doc.title,
      fileName: doc.fileName,
      contentType: doc.contentType,
      bytes: doc.bytes,
      url: `/api/events/${event.slug}/booths/${booth.id}/documents/${doc.id}`,
      createdAt: doc.createdAt.toISOString(),
    };
  }
}

export function isOpen(booth: Pick<Booth, 'openingHours'>, now: Date): boolean {
  const t = now.getTime();
  return booth.openingHours.some((h) => Date.parse(h.opensAt) <= t && t < Date.parse(h.closesAt));
}

/** A name for the download that is safe in a header and on any file system. */
function safeFileName(name: string | undefined): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  const clean = base
    .normalize('NFC')
    .replace(/[^\p{L}\p{N} ._()-]/gu, '_')
    .replace(/^\.+/, '')
    .trim()
    .slice(0, 150);
  return clean || 'dokument';
}
