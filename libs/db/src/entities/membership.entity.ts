import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import type { Relation } from 'typeorm';
import type { Role } from '@plenum/contracts';
import { Event } from './event.entity';
import { User } from './user.entity';
import { Session } from './session.entity';
import { Booth } from './booth.entity';

/**
 * A person's role within one event, scoped to a session or a booth where the role is
 * (`scope` is `event`, `session:<id>` or `booth:<id>` so one unique index covers all three).
 */
@Entity('memberships')
@Index(['eventId', 'userId', 'role', 'scope'], { unique: true })
export class Membership {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index()
  @Column({ type: 'uuid' })
  eventId!: string;

  @ManyToOne(() => Event, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id' })
  event?: Relation<Event>;

  @Index()
  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  @Column({
    type: 'enum',
    enum: ['organizer', 'moderator', 'speaker', 'exhibitor', 'attendee'],
    enumName: 'role',
  })
  role!: Role;

  @Column({ type: 'uuid', nullable: true })
  sessionId!: string | null;

  @ManyToOne(() => Session, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  session?: Relation<Session>;

  @Column({ type: 'uuid', nullable: true })
  boothId!: string | null;

  @ManyToOne(() => Booth, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'booth_id' })
  booth?: Relation<Booth>;

  @Column({ type: 'varchar', length: 60, default: 'event' })
  scope!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

export function membershipScope(sessionId: string | null, boothId: string | null): string {
  if (sessionId) return `session:${sessionId}`;
  if (boothId) return `booth:${boothId}`;
  return 'event';
}
