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
import type { NotificationKind } from '@plenum/contracts';
import { Event } from './event.entity';
import { User } from './user.entity';

/** An in-app notice in a person's notification list. */
@Entity('notifications')
@Index(['userId', 'createdAt'])
export class Notification {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  @Column({ type: 'uuid' })
  eventId!: string;

  @ManyToOne(() => Event, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id' })
  event?: Relation<Event>;

  /** The delivery that made it; unique so a retried delivery adds no second entry. */
  @Index({ unique: true })
  @Column({ type: 'uuid' })
  deliveryId!: string;

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
    enumName: 'notification_kind',
  })
  kind!: NotificationKind;

  @Column({ type: 'varchar', length: 300 })
  title!: string;

  @Column({ type: 'text' })
  body!: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  link!: string | null;

  @Column({ type: 'uuid', nullable: true })
  sessionId!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  readAt!: Date | null;
}
