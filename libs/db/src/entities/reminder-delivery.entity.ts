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
import type { NotificationChannel, NotificationKind } from '@plenum/contracts';
import { Event } from './event.entity';
import { User } from './user.entity';

/**
 * `sending`: an e-mail claimed by a worker (at `claimedAt`) and possibly handed to SMTP. A claim
 * older than the lease belongs to a worker that died and is taken over (see docs/reminders.md).
 */
export type DeliveryStatus = 'pending' | 'sending' | 'sent' | 'failed';

/**
 * One notice to one person on one channel. The row is inserted before anything is sent and is
 * unique per person, subject and channel, so a retried or duplicated job never sends twice. The
 * subject names the session, the offset and the start time for reminders (a moved session is
 * reminded of again at its new time), or the notice for the other kinds.
 */
@Entity('reminder_deliveries')
@Index(['userId', 'subject', 'channel'], { unique: true })
@Index(['eventId', 'status'])
export class ReminderDelivery {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  eventId!: string;

  @ManyToOne(() => Event, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id' })
  event?: Relation<Event>;

  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  @Column({ type: 'varchar', length: 120 })
  subject!: string;

  @Column({
    type: 'enum',
    enum: [
      'reminder',
      'session-moved',
      'session-cancelled',
      'announcement',
      'workshop-seat-confirmed',
      'workshop-promoted',
    ],
    enumName: 'delivery_kind',
  })
  kind!: NotificationKind;

  @Column({ type: 'uuid', nullable: true })
  sessionId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  announcementId!: string | null;

  @Column({ type: 'int', nullable: true })
  offsetMinutes!: number | null;

  @Column({ type: 'enum', enum: ['in-app', 'email'], enumName: 'delivery_channel' })
  channel!: NotificationChannel;

  @Column({
    type: 'enum',
    enum: ['pending', 'sending', 'sent', 'failed'],
    enumName: 'delivery_status',
    default: 'pending',
  })
  status!: DeliveryStatus;

  @Column({ type: 'int', default: 0 })
  attempts!: number;

  @Column({ type: 'text', nullable: true })
  lastError!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  claimedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  failedAt!: Date | null;
}
