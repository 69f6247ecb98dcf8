import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import type { Relation } from 'typeorm';
import { Event } from './event.entity';
import { Session } from './session.entity';
import { User } from './user.entity';

export type PollKind = 'single' | 'multiple';
export type PollState = 'draft' | 'open' | 'closed';

/** A poll of a session: prepared as a draft, opened and closed by moderators. */
@Entity('polls')
@Index(['sessionId', 'createdAt'])
@Check('char_length("question") <= 300')
@Check('jsonb_array_length("options") BETWEEN 2 AND 10')
export class Poll {
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

  @Column({ type: 'text' })
  question!: string;

  @Column({ type: 'enum', enum: ['single', 'multiple'], enumName: 'poll_kind' })
  kind!: PollKind;

  /** The answer texts; a vote names them by index. */
  @Column({ type: 'jsonb' })
  options!: string[];

  @Column({
    type: 'enum',
    enum: ['draft', 'open', 'closed'],
    enumName: 'poll_state',
    default: 'draft',
  })
  state!: PollState;

  @Column({ type: 'uuid', nullable: true })
  createdById!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by_id' })
  createdBy?: Relation<User> | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  openedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt!: Date | null;
}
