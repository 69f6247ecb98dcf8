import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { Session } from './session.entity';
import { User } from './user.entity';

/**
 * One participant connection to a session's video room, from LiveKit's participant_joined to
 * participant_left (or room_finished). A reconnect is a new connection with a new sid.
 */
@Entity('attendance_intervals')
@Index(['sessionId', 'joinedAt'])
export class AttendanceInterval {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  eventId!: string;

  @Column({ type: 'uuid' })
  sessionId!: string;

  @ManyToOne(() => Session, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  session?: Relation<Session>;

  @Column({ type: 'varchar', length: 200 })
  room!: string;

  /** LiveKit's participant sid: joined and left of one connection meet on it. */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 100 })
  participantSid!: string;

  /**
   * The participant identity, which Plenum sets to the user id; `anon:<random>` (one per person
   * and event) once anonymised.
   */
  @Column({ type: 'varchar', length: 200 })
  identity!: string;

  /** The account behind the identity while the record is personal; null once anonymised. */
  @Index()
  @Column({ type: 'uuid', nullable: true })
  userId!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User> | null;

  @Column({ type: 'timestamptz' })
  joinedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  leftAt!: Date | null;
}
