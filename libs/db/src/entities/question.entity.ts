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

export type QuestionState = 'pending' | 'approved' | 'dismissed' | 'answered';

/**
 * An audience question to a session. The author is always stored: `anonymous` hides the name
 * from the audience only, never from moderators. `voteCount` moves with the question_votes
 * rows in the same statement (QaVoteBatchService in libs/qa): votes are written one batch per
 * tick, so the question row is locked once per batch, never once per click.
 */
@Entity('questions')
@Index(['sessionId', 'state'])
// At most one question per session is "on screen now"; the database holds the rule.
@Index('uq_questions_on_screen', ['sessionId'], { unique: true, where: '"on_screen"' })
@Check('char_length("body") <= 500')
@Check('"vote_count" >= 0')
@Check(`"on_screen" = false OR "state" IN ('approved', 'answered')`)
export class Question {
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

  @Index()
  @Column({ type: 'uuid', nullable: true })
  authorId!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'author_id' })
  author?: Relation<User> | null;

  @Column({ type: 'text' })
  body!: string;

  @Column({ type: 'boolean', default: false })
  anonymous!: boolean;

  @Column({
    type: 'enum',
    enum: ['pending', 'approved', 'dismissed', 'answered'],
    enumName: 'question_state',
    default: 'pending',
  })
  state!: QuestionState;

  @Column({ type: 'int', default: 0 })
  voteCount!: number;

  @Column({ type: 'boolean', default: false })
  onScreen!: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  editedAt!: Date | null;

  /** The moderator who last decided (approved, dismissed, answered); a plain id for the CSV. */
  @Column({ type: 'uuid', nullable: true })
  decidedById!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'decided_by_id' })
  decidedBy?: Relation<User> | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  dismissReason!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  answeredAt!: Date | null;
}
