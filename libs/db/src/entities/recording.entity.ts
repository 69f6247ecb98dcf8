import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { Relation } from 'typeorm';
import type { RecordingMedia, RecordingSource, RecordingState } from '@plenum/contracts';
import { Event } from './event.entity';
import { Session } from './session.entity';
import { User } from './user.entity';

const bigintAsNumber = {
  to: (value: number | null): number | null => value,
  from: (value: string | null): number | null => (value === null ? null : Number(value)),
};

/**
 * A recording of a session: made by LiveKit egress from the stage room, uploaded by an
 * organizer, or attached as a link. The newest ready one is the session's replay.
 */
@Entity('recordings')
@Index(['sessionId', 'createdAt'])
// One egress at a time per session; the database holds the rule against a double click.
@Index('uq_recordings_running', ['sessionId'], {
  unique: true,
  where: `"state" IN ('starting', 'recording')`,
})
// An egress row claims its slot before LiveKit answers with the egress id.
@Check(`"source" <> 'egress' OR "egress_id" IS NOT NULL OR "state" IN ('starting', 'failed')`)
@Check(`"source" <> 'upload' OR "storage_key" IS NOT NULL`)
@Check(`"source" <> 'url' OR "url" IS NOT NULL`)
export class Recording {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index()
  @Column({ type: 'uuid' })
  eventId!: string;

  @ManyToOne(() => Event, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id' })
  event?: Relation<Event>;

  @Column({ type: 'uuid' })
  sessionId!: string;

  @ManyToOne(() => Session, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  session?: Relation<Session>;

  @Column({ type: 'enum', enum: ['egress', 'upload', 'url'], enumName: 'recording_source' })
  source!: RecordingSource;

  @Column({
    type: 'enum',
    enum: ['starting', 'recording', 'processing', 'ready', 'failed'],
    enumName: 'recording_state',
  })
  state!: RecordingState;

  /** How the replay plays: a video file, an HLS playlist or an embedded player. */
  @Column({ type: 'enum', enum: ['file', 'hls', 'embed'], enumName: 'recording_media' })
  media!: RecordingMedia;

  @Index({ unique: true, where: '"egress_id" IS NOT NULL' })
  @Column({ type: 'varchar', length: 100, nullable: true })
  egressId!: string | null;

  /** A link (source url), or where an egress file can be fetched from (S3 public URL). */
  @Column({ type: 'varchar', length: 2000, nullable: true })
  url!: string | null;

  /** An uploaded file in the FileStorage. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  storageKey!: string | null;

  /** Where the egress wrote the file (its own path or the object store's location). */
  @Column({ type: 'varchar', length: 2000, nullable: true })
  location!: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  contentType!: string | null;

  @Column({ type: 'bigint', nullable: true, transformer: bigintAsNumber })
  sizeBytes!: number | null;

  @Column({ type: 'int', nullable: true })
  durationSeconds!: number | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  error!: string | null;

  @Column({ type: 'uuid', nullable: true })
  startedById!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'started_by_id' })
  startedBy?: Relation<User> | null;

  @Column({ type: 'uuid', nullable: true })
  endedById!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'ended_by_id' })
  endedBy?: Relation<User> | null;

  @Column({ type: 'timestamptz', nullable: true })
  startedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  endedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
