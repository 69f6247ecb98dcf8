import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Generated,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { Relation } from 'typeorm';
import type { SessionKind, SessionState } from '@plenum/contracts';
import { Event } from './event.entity';
import { Stage } from './stage.entity';
import { Track } from './track.entity';

@Entity('sessions')
@Index(['eventId', 'startsAt'])
@Index(['eventId', 'guid'], { unique: true })
@Index(['stageId', 'startsAt'])
@Check('"ends_at" > "starts_at"')
@Check('"capacity" IS NULL OR "capacity" >= 0')
export class Session {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /**
   * Stable identity for schedule exchange (frab/pretalx guid) and calendar UIDs. Unique within
   * an event only: the same schedule file may be imported into a rehearsal event as well.
   */
  @Column({ type: 'uuid' })
  @Generated('uuid')
  guid!: string;

  /** The positive integer id that schedule JSON and XML still require next to the guid. */
  @Column({ type: 'int' })
  @Generated('increment')
  number!: number;

  /** iCalendar SEQUENCE: rises whenever the time, the stage or the cancellation changes. */
  @Column({ type: 'int', default: 0 })
  sequence!: number;

  @Column({ type: 'uuid' })
  eventId!: string;

  @ManyToOne(() => Event, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id' })
  event?: Relation<Event>;

  @Column({ type: 'uuid', nullable: true })
  stageId!: string | null;

  @ManyToOne(() => Stage, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'stage_id' })
  stage?: Relation<Stage> | null;

  @Column({ type: 'uuid', nullable: true })
  trackId!: string | null;

  @ManyToOne(() => Track, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'track_id' })
  track?: Relation<Track> | null;

  @Column({
    type: 'enum',
    enum: ['keynote', 'talk', 'panel', 'workshop', 'forum', 'break', 'expo'],
    enumName: 'session_kind',
  })
  kind!: SessionKind;

  @Column({ type: 'varchar', length: 300 })
  title!: string;

  @Column({ type: 'text', default: '' })
  abstract!: string;

  @Column({ type: 'timestamptz' })
  startsAt!: Date;

  @Column({ type: 'timestamptz' })
  endsAt!: Date;

  @Column({
    type: 'enum',
    enum: ['scheduled', 'live', 'ended', 'cancelled'],
    enumName: 'session_state',
    default: 'scheduled',
  })
  state!: SessionState;

  /** Seats, for workshops; null means unlimited. */
  @Column({ type: 'int', nullable: true })
  capacity!: number | null;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  streamUrl!: string | null;

  /** Language of the talk (schedule exchange); null means the event's default language. */
  @Column({ type: 'varchar', length: 8, nullable: true })
  language!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
