import { Injectable } from '@nestjs/common';
import type {
  BoothDocumentView,
  BoothSummaryView,
  BoothView,
  CreateBoothRequest,
  DeleteBoothRequest,
  UpdateBoothRequest,
} from '@plenum/contracts';
import { suggestSlug } from '@plenum/contracts';
import type { Booth, BoothDocument, Event } from '@plenum/db';
import { MembershipChangesService } from '@plenum/identity';
import type { BoothAccess, ResolvedAccess, ViewerAccess } from '@plenum/identity';
import { PresenceService } from '@plenum/live';
import { AuditService, FileStorage, PlenumError } from '@plenum/platform';
import type { IncomingUpload } from '@plenum/platform';
import { renderBoothMarkdown } from './booth-markdown';
import { BoothsRepository } from './booths.repository';

export type BoothImageKind = 'logo' | 'banner';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The expo hall's booths. The access guard resolves the event and the booth a route names
 * (`@EventAccess(..., { booth: 'booth' })`): members of the event visit, `booth.manage` edits.
 */
@Injectable()
export class BoothsService {
  constructor(
    private readonly booths: BoothsRepository,
    private readonly storage: FileStorage,
    private readonly audit: AuditService,
    private readonly presence: PresenceService,
    private readonly memberships: MembershipChangesService,
  ) {}

  /** The ids of the booth's staff who are in its room now. */
  staffOnline(boothId: string): Promise<string[]> {
    return this.presence.members(`booth:${boothId}`, 'staff');
  }

  async list(event: Event): Promise<BoothSummaryView[]> {
    const booths = await this.booths.list(event.id);
    const now = new Date();
    const online = await Promise.all(booths.map((b) => this.staffOnline(b.id)));
    return booths.map((b, i) => this.summary(event, b, now, online[i]?.length ?? 0));
  }

  get(access: BoothAccess): Promise<BoothView> {
    return this.view(access, access.booth);
  }

  /**
   * Opens a booth in the hall, last in its order. A slug the organizer chose must be free; one
   * derived from the organisation's name gets a number when the name is taken.
   */
  async create(access: ResolvedAccess, input: CreateBoothRequest): Promise<BoothView> {
    const { principal, event } = access;
    const organisation = input.organisation.trim();
    const candidates = input.slug ? [input.slug] : derivedSlugs(organisation);
    let id: string | null = null;
    for (const slug of candidates) {
      id = await this.booths.insert({
        eventId: event.id,
        slug,
        organisation,
        tagline: input.tagline?.trim() ?? '',
        tier: input.tier ?? 'standard',
      });
      if (id) break;
    }
    if (!id) {
      throw PlenumError.validation([
        { path: 'slug', message: 'This address is already taken by another booth' },
      ]);
    }
    await this.audit.record({
      eventId: event.id,
      actorId: principal.userId,
      action: 'booth.created',
      targetType: 'booth',
      targetId: id,
      details: { organisation },
    });
    return this.view(access, await this.booths.getById(id));
  }

  /**
   * Closes a booth for good: its staff lose the roles they held through it, and its documents,
   * images, visits, conversations and chat go with it. A booth with leads is refused: those
   * are attendees' contact shares its exhibitor has not necessarily exported yet.
   */
  async remove(access: BoothAccess, input: DeleteBoothRequest): Promise<void> {
    const { principal, booth } = access;
    if (input.organisation.trim() !== booth.organisation.trim()) {
      throw PlenumError.validation([
        { path: 'organisation', message: "Type the booth's name exactly as shown to confirm" },
      ]);
    }
    const { staff, documents } = await this.booths.transaction(async (manager) => {
      const locked = await this.booths.lock(manager, booth.id);
      if (!locked) throw PlenumError.notFound('Booth not found');
      const leads = await this.booths.leadCount(manager, booth.id);
      if (leads > 0) {
        throw new PlenumError(
          'BOOTH_HAS_LEADS',
          `This booth has ${leads} lead(s); its staff export them first, then it can be removed`,
          409,
          { details: { leads } },
        );
      }
      const staff = await this.booths.staffIds(manager, booth.id);
      const documents = await this.booths.documentKeys(manager, booth.id);
      await this.booths.remove(manager, booth.id);
      await this.audit.record(
        {
          eventId: booth.eventId,
          actorId: principal.userId,
          action: 'booth.deleted',
          targetType: 'booth',
          targetId: booth.id,
          details: { organisation: booth.organisation, slug: booth.slug, staff: staff.length },
        },
        manager,
      );
      return { staff, documents };
    });
    const keys = [booth.logoKey, booth.bannerKey, ...documents];
    for (const key of keys) if (key) await this.storage.remove(key);
    for (const userId of staff) await this.memberships.removed({ eventId: booth.eventId, userId });
  }

  async update(access: BoothAccess, input: UpdateBoothRequest): Promise<BoothView> {
    const { principal, booth } = access;
    // The tier is what the exhibitor paid for: only organizers change it.
    if (input.tier !== undefined && input.tier !== booth.tier && !access.can('event.update')) {
      throw PlenumError.forbidden();
    }
    if (Object.keys(input).length > 0) await this.booths.update(booth.id, input);
    await this.audit.record({
      eventId: booth.eventId,
      actorId: principal.userId,
      action: 'booth.updated',
      targetType: 'booth',
      targetId: booth.id,
      details: { fields: Object.keys(input) },
    });
    return this.view(access, await this.booths.getById(booth.id));
  }

  async setImage(
    access: BoothAccess,
    kind: BoothImageKind,
    file: IncomingUpload,
  ): Promise<BoothView> {
    const { principal, booth } = access;
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
    return this.view(access, await this.booths.getById(booth.id));
  }

  /** Booth images are public like the event's logo, so plain <img> tags can show them. */
  async image(
    slug: string,
    boothId: string,
    kind: BoothImageKind,
  ): Promise<{ data: Buffer; contentType: string }> {
    const row = uuidPattern.test(boothId) ? await this.booths.image(slug, boothId) : undefined;
    const key = kind === 'logo' ? row?.logoKey : row?.bannerKey;
    const contentType = kind === 'logo' ? row?.logoContentType : row?.bannerContentType;
    if (!key || !contentType) throw PlenumError.notFound('Image not found');
    return { data: await this.storage.get(key), contentType };
  }

  async addDocument(
    { principal, event, booth }: BoothAccess,
    title: string | undefined,
    fileName: string | undefined,
    file: IncomingUpload,
  ): Promise<BoothDocumentView> {
    const type = file.contentType;
    const name = safeFileName(fileName);
    const cleanTitle = (title ?? '').trim().slice(0, 200) || name;
    const { key, bytes } = await file.store(this.storage, 'booth-documents');
    const saved = await this.booths.addDocument({
      boothId: booth.id,
      title: cleanTitle,
      fileName: name,
      contentType: type,
      bytes,
      storageKey: key,
    });
    await this.audit.record({
      eventId: booth.eventId,
      actorId: principal.userId,
      action: 'booth.document-added',
      targetType: 'booth',
      targetId: booth.id,
      details: { documentId: saved.id, bytes, contentType: type },
    });
    return this.documentView(event, booth, saved);
  }

  async renameDocument(
    { principal, event, booth }: BoothAccess,
    documentId: string,
    title: string,
  ): Promise<BoothDocumentView> {
    const doc = await this.documentOf(booth, documentId);
    await this.booths.renameDocument(doc.id, title);
    await this.audit.record({
      eventId: booth.eventId,
      actorId: principal.userId,
      action: 'booth.document-renamed',
      targetType: 'booth',
      targetId: booth.id,
      details: { documentId: doc.id },
    });
    return this.documentView(event, booth, { ...doc, title });
  }

  async removeDocument({ principal, booth }: BoothAccess, documentId: string): Promise<void> {
    const doc = await this.documentOf(booth, documentId);
    await this.booths.removeDocument(doc.id);
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

  async document(booth: Booth, documentId: string): Promise<{ doc: BoothDocument; data: Buffer }> {
    const doc = await this.documentOf(booth, documentId);
    return { doc, data: await this.storage.get(doc.storageKey) };
  }

  private async documentOf(booth: Booth, documentId: string): Promise<BoothDocument> {
    const doc = await this.booths.document(booth.id, documentId);
    if (!doc) throw PlenumError.notFound('Document not found');
    return doc;
  }

  private async view(access: ViewerAccess, booth: Booth): Promise<BoothView> {
    const { event } = access;
    const [documents, online] = await Promise.all([
      this.booths.documentsOf(booth.id),
      this.staffOnline(booth.id),
    ]);
    return {
      ...this.summary(event, booth, new Date(), online.length),
      description: booth.description,
      descriptionHtml: renderBoothMarkdown(booth.description),
      bannerUrl: booth.bannerKey ? this.imageUrl(event, booth, 'banner') : null,
      links: booth.links,
      openingHours: booth.openingHours,
      documents: documents.map((d) => this.documentView(event, booth, d)),
      canManage: access.can('booth.manage', { boothId: booth.id }),
    };
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

/** Slugs for a booth named `organisation`: its own, then numbered ones when that is taken. */
function derivedSlugs(organisation: string): string[] {
  const derived = suggestSlug(organisation, 60);
  const base = derived.length >= 3 ? derived : ['stand', derived].filter(Boolean).join('-');
  return [base, ...[2, 3, 4, 5, 6, 7, 8, 9].map((n) => `${base}-${n}`)];
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
