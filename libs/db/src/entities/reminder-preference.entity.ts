import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import type { NotificationChannel } from '@plenum/contracts';
import { Event } from './event.entity';
import { User } from './user.entity';

/** One person's reminder choices for one event; no row means the defaults. */
@Entity('reminder_preferences')
export class ReminderPreference {
  @PrimaryColumn({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  @PrimaryColumn({ type: 'uuid' })
  eventId!: string;

  @ManyToOne(() => Event, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id' })
  event?: Relation<Event>;

  @Column({ type: 'boolean', default: true })
  enabled!: boolean;

  /** null: the event's offsets. */
  @Column({ type: 'int', array: true, nullable: true })
  offsetsMinutes!: number[] | null;

  @Column({ type: 'varchar', length: 10, array: true, default: () => "'{in-app,email}'" })
  channels!: NotificationChannel[];

  @Column({ type: 'boolean', default: false })
  allKeynotes!: boolean;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
