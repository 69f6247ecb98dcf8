import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Booth, BoothDocument } from '@plenum/db';
import { GenerateSql, SQL_UUID } from '@plenum/platform';

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
