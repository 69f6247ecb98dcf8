import { Injectable } from '@nestjs/common';
import { DataSource, QueryFailedError } from 'typeorm';
import { Speaker, Stage, Track } from '@plenum/db';
import { GenerateSql, SQL_UUID } from '@plenum/platform';

export type StageFields = Pick<Stage, 'name' | 'position'>;
export type TrackFields = Pick<Track, 'name' | 'color'>;
export type SpeakerFields = Pick<
  Speaker,
  'name' | 'title' | 'organisation' | 'biography' | 'photoUrl' | 'links'
>;

const SQL_SPEAKER: SpeakerFields = {
  name: 'Dr. Anna Weber',
  title: '',
  organisation: '',
  biography: '',
  photoUrl: null,
  links: [],
};

/** A write the unique index on (event, name) refused: another one has that name. */
function isUniqueViolation(err: unknown): boolean {
  return err instanceof QueryFailedError && (err.driverError as { code?: string }).code === '23505';
}

/** False when the unique index refused the write (two organizers saving one name at once). */
async function unlessNameTaken<T>(write: () => Promise<T>): Promise<T | null> {
  try {
    return await write();
  } catch (err) {
    if (isUniqueViolation(err)) return null;
    throw err;
  }
}

/** Stages, tracks and speaker profiles of an event: what sessions are built from. */
@Injectable()
export class CatalogueRepository {
  constructor(private readonly db: DataSource) {}

  @GenerateSql({ params: [SQL_UUID, SQL_UUID] })
  stageOf(eventId: string, id: string): Promise<Stage | null> {
    return this.db.getRepository(Stage).findOneBy({ eventId, id });
  }

  @GenerateSql({ params: [SQL_UUID, 'Hauptbühne'] })
  stageNamed(eventId: string, name: string): Promise<Stage | null> {
    return this.db.getRepository(Stage).findOneBy({ eventId, name });
  }

  /** The new stage, or null when the event has a stage of that name. */
  @GenerateSql({ params: [SQL_UUID, { name: 'Hauptbühne', position: 0 }] })
  insertStage(eventId: string, fields: StageFields): Promise<Stage | null> {
    return unlessNameTaken(() => this.db.getRepository(Stage).save({ eventId, ...fields }));
  }

  /** False when the event has another stage of that name. */
  @GenerateSql({ params: [SQL_UUID, { name: 'Hauptbühne' }] })
  async updateStage(id: string, changes: Partial<StageFields>): Promise<boolean> {
    const done = await unlessNameTaken(() => this.db.getRepository(Stage).update(id, changes));
    return done !== null;
  }

  @GenerateSql({ params: [SQL_UUID] })
  getStage(id: string): Promise<Stage> {
    return this.db.getRepository(Stage).findOneByOrFail({ id });
  }

  /** Its sessions stay, without a stage (the foreign key sets null). */
  @GenerateSql({ params: [SQL_UUID] })
  async deleteStage(id: string): Promise<void> {
    await this.db.getRepository(Stage).delete(id);
  }

  @GenerateSql({ params: [SQL_UUID, SQL_UUID] })
  trackOf(eventId: string, id: string): Promise<Track | null> {
    return this.db.getRepository(Track).findOneBy({ eventId, id });
  }

  @GenerateSql({ params: [SQL_UUID, 'Verwaltung'] })
  trackNamed(eventId: string, name: string): Promise<Track | null> {
    return this.db.getRepository(Track).findOneBy({ eventId, name });
  }

  /** The new track, or null when the event has a track of that name. */
  @GenerateSql({ params: [SQL_UUID, { name: 'Verwaltung', color: '#1f5f99' }] })
  insertTrack(eventId: string, fields: TrackFields): Promise<Track | null> {
    return unlessNameTaken(() => this.db.getRepository(Track).save({ eventId, ...fields }));
  }

  /** False when the event has another track of that name. */
  @GenerateSql({ params: [SQL_UUID, { color: '#1f5f99' }] })
  async updateTrack(id: string, changes: Partial<TrackFields>): Promise<boolean> {
    const done = await unlessNameTaken(() => this.db.getRepository(Track).update(id, changes));
    return done !== null;
  }

  @GenerateSql({ params: [SQL_UUID] })
  getTrack(id: string): Promise<Track> {
    return this.db.getRepository(Track).findOneByOrFail({ id });
  }

  @GenerateSql({ params: [SQL_UUID] })
  async deleteTrack(id: string): Promise<void> {
    await this.db.getRepository(Track).delete(id);
  }

  @GenerateSql({ params: [SQL_UUID, SQL_UUID] })
  speakerOf(eventId: string, id: string): Promise<Speaker | null> {
    return this.db.getRepository(Speaker).findOneBy({ eventId, id });
  }

  @GenerateSql({ params: [SQL_UUID, SQL_SPEAKER] })
  insertSpeaker(eventId: string, fields: SpeakerFields): Promise<Speaker> {
    return this.db.getRepository(Speaker).save({ eventId, ...fields });
  }

  @GenerateSql({ params: [SQL_UUID, { biography: 'Kurz' }] })
  async updateSpeaker(id: string, changes: Partial<SpeakerFields>): Promise<void> {
    await this.db.getRepository(Speaker).update(id, changes);
  }

  @GenerateSql({ params: [SQL_UUID] })
  getSpeaker(id: string): Promise<Speaker> {
    return this.db.getRepository(Speaker).findOneByOrFail({ id });
  }

  @GenerateSql({ params: [SQL_UUID] })
  async deleteSpeaker(id: string): Promise<void> {
    await this.db.getRepository(Speaker).delete(id);
  }
}
