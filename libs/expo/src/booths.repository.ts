import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { Booth, BoothDocument, ChatRoom, Lead, Membership } from '@plenum/db';
import { GenerateSql, SQL_MANAGER, SQL_UUID } from '@plenum/platform';

/** What an exhibitor or organizer changes of a booth. */
export type BoothChanges = Partial<
  Pick<
    Booth,
    | 'organisation'
    | 'tagline'
    | 'description'
    | 'tier'
    | 'topics'
    | 'links'
    | 'openingHours'
    | 'logoKey'
    | 'logoContentType'
    | 'bannerKey'
    | 'bannerContentType'
  >
>;

export type NewBoothDocument = Pick<
  BoothDocument,
  'boothId' | 'title' | 'fileName' | 'contentType' | 'bytes' | 'storageKey'
>;

export type NewBooth = Pick<Booth, 'eventId' | 'slug' | 'organisation' | 'tagline' | 'tier'>;

/** A booth image's place in the file storage. */
export interface BoothImageRow {
  logoKey: string | null;
  logoContentType: string | null;
  bannerKey: string | null;
  bannerContentType: string | null;
}

/** Booths and their documents. */
@Injectable()
export class BoothsRepository {
  constructor(private readonly db: DataSource) {}

  /** The hall in its order. */
  @GenerateSql({ params: [SQL_UUID] })
  list(eventId: string): Promise<Booth[]> {
    return this.db.getRepository(Booth).find({
      where: { eventId },
      order: { position: 'ASC', organisation: 'ASC' },
    });
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  /** The new booth's id, placed last in the hall; null when the slug is taken in the event. */
  @GenerateSql({
    params: [
      {
        eventId: SQL_UUID,
        slug: 'kommunal-digital',
        organisation: 'Kommunal Digital',
        tagline: '',
        tier: 'standard',
      },
    ],
  })
  async insert(booth: NewBooth): Promise<string | null> {
    const rows = await this.db.query<Array<{ id: string }>>(
      `INSERT INTO booths (event_id, slug, organisation, tagline, tier, position)
       SELECT $1, $2, $3, $4, $5, COALESCE(MAX(position) + 1, 0) FROM booths WHERE event_id = $1
       ON CONFLICT (event_id, slug) DO NOTHING
       RETURNING id`,
      [booth.eventId, booth.slug, booth.organisation, booth.tagline, booth.tier],
    );
    return rows[0]?.id ?? null;
  }

  /** The booth, locked until the transaction ends: no lead or staff role is added meanwhile. */
  @GenerateSql({ params: [SQL_MANAGER, SQL_UUID] })
  lock(manager: EntityManager, id: string): Promise<Booth | null> {
    return manager
      .getRepository(Booth)
      .createQueryBuilder('b')
      .setLock('pessimistic_write')
      .where('b.id = :id', { id })
      .getOne();
  }

  @GenerateSql({ params: [SQL_MANAGER, SQL_UUID] })
  leadCount(manager: EntityManager, boothId: string): Promise<number> {
    return manager.getRepository(Lead).countBy({ boothId });
  }

  /** Who holds a role through the booth (its staff), once each. */
  @GenerateSql({ params: [SQL_MANAGER, SQL_UUID] })
  async staffIds(manager: EntityManager, boothId: string): Promise<string[]> {
    const rows = await manager
      .getRepository(Membership)
      .createQueryBuilder('m')
      .select('DISTINCT m.user_id', 'userId')
      .where('m.booth_id = :boothId', { boothId })
      .getRawMany<{ userId: string }>();
    return rows.map((r) => r.userId);
  }

  /** Where the booth's documents lie in the file storage. */
  @GenerateSql({ params: [SQL_MANAGER, SQL_UUID] })
  async documentKeys(manager: EntityManager, boothId: string): Promise<string[]> {
    const documents = await manager
      .getRepository(BoothDocument)
      .find({ select: { storageKey: true }, where: { boothId } });
    return documents.map((d) => d.storageKey);
  }

  /**
   * Removes the booth. Its staff roles, pending invitations, documents, visits and
   * conversations go with it (foreign keys cascade); its chat room is named, not linked, so it
   * is removed here.
   */
  @GenerateSql({ params: [SQL_MANAGER, SQL_UUID] })
  async remove(manager: EntityManager, boothId: string): Promise<void> {
    await manager.getRepository(ChatRoom).delete({ room: `booth:${boothId}` });
    await manager.getRepository(Booth).delete({ id: boothId });
  }

  @GenerateSql({ params: [SQL_UUID] })
  getById(id: string): Promise<Booth> {
    return this.db.getRepository(Booth).findOneByOrFail({ id });
  }

  @GenerateSql({ params: [SQL_UUID, { tagline: 'Neue Zeile' }] })
  async update(id: string, changes: BoothChanges): Promise<void> {
    await this.db.getRepository(Booth).update(id, changes);
  }

  /** The image keys of a booth found by the event's slug and the booth's id (public images). */
  @GenerateSql({ params: ['digitale-staedte', SQL_UUID] })
  image(slug: string, boothId: string): Promise<BoothImageRow | undefined> {
    return this.db
      .getRepository(Booth)
      .createQueryBuilder('b')
      .innerJoin('b.event', 'e')
      .select([
        'b.logo_key AS "logoKey"',
        'b.logo_content_type AS "logoContentType"',
        'b.banner_key AS "bannerKey"',
        'b.banner_content_type AS "bannerContentType"',
      ])
      .where('e.slug = :slug AND b.id = :boothId', { slug, boothId })
      .getRawOne<BoothImageRow>();
  }

  @GenerateSql({ params: [SQL_UUID] })
  documentsOf(boothId: string): Promise<BoothDocument[]> {
    return this.db.getRepository(BoothDocument).find({
      where: { boothId },
      order: { createdAt: 'ASC' },
    });
  }

  @GenerateSql({ params: [SQL_UUID, SQL_UUID] })
  document(boothId: string, id: string): Promise<BoothDocument | null> {
    return this.db.getRepository(BoothDocument).findOneBy({ id, boothId });
  }

  @GenerateSql({
    params: [
      {
        boothId: SQL_UUID,
        title: 'Produktblatt',
        fileName: 'produktblatt.pdf',
        contentType: 'application/pdf',
        bytes: 1024,
        storageKey: 'booth-documents/example',
      },
    ],
  })
  addDocument(document: NewBoothDocument): Promise<BoothDocument> {
    const documents = this.db.getRepository(BoothDocument);
    return documents.save(documents.create(document));
  }

  @GenerateSql({ params: [SQL_UUID, 'Produktblatt 2026'] })
  async renameDocument(id: string, title: string): Promise<void> {
    await this.db.getRepository(BoothDocument).update(id, { title });
  }

  @GenerateSql({ params: [SQL_UUID] })
  async removeDocument(id: string): Promise<void> {
    await this.db.getRepository(BoothDocument).delete({ id });
  }
}
