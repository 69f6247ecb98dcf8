import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { Event } from './event.entity';

/** An event's reminder offsets as the organizers set them; no row means 24 h and 15 min. */
@Entity('reminder_settings')
export class ReminderSettings {
  @PrimaryColumn({ type: 'uuid' })
  eventId!: string;

  @OneToOne(() => Event, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id' })
  event?: Relation<Event>;

  @Column({ type: 'int', array: true })
  offsetsMinutes!: number[];

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
