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
import type { WorkshopRegistrationStatus } from '@plenum/contracts';
import { Event } from './event.entity';
import { Session } from './session.entity';
import { User } from './user.entity';

/**
 * One person's place in a workshop: a confirmed seat, a place on the waitlist, or a cancelled
 * registration kept for the record. One row per person and workshop; registering again after
 * cancelling reuses the row and takes a new place at the end of the queue.
 */
@Entity('workshop_registrations')
@Index(['sessionId', 'userId'], { unique: true })
@Index(['sessionId', 'status', 'arrival'])
@Index(['userId', 'eventId'])
@Check(`"status" <> 'confirmed' OR "confirmed_at" IS NOT NULL`)
export class WorkshopRegistration {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  sessionId!: string;

  @ManyToOne(() => Session, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  session?: Relation<Session>;

  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  /** Denormalised from the session so "my workshops" in one event is one index scan. */
  @Column({ type: 'uuid' })
  eventId!: string;

  @ManyToOne(() => Event, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id' })
  event?: Relation<Event>;

  @Column({
    type: 'enum',
    enum: ['confirmed', 'waitlisted', 'cancelled'],
    enumName: 'workshop_registration_status',
  })
  status!: WorkshopRegistrationStatus;

  /**
   * The order of arrival, drawn from a sequence while the workshop is locked: the waitlist is
   * served by it, and timestamps could tie.
   */
  @Column({ type: 'bigint' })
  @Generated('increment')
  arrival!: string;

  @Column({ type: 'timestamptz', nullable: true })
  confirmedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  cancelledAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
