import {
  Check,
  Column,
  Entity,
  JoinColumn,
  OneToOne,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { Relation } from 'typeorm';
import { Event } from './event.entity';

/**
 * How long an event keeps attendance records (video attendance, booth visits, room presence)
 * personal after it ends; no row, or a null period, keeps them until the event is deleted.
 */
@Entity('event_privacy_settings')
@Check('"attendance_retention_days" IS NULL OR "attendance_retention_days" BETWEEN 0 AND 3650')
export class EventPrivacySettings {
  @PrimaryColumn({ type: 'uuid' })
  eventId!: string;

  @OneToOne(() => Event, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id' })
  event?: Relation<Event>;

  @Column({ type: 'int', nullable: true })
  attendanceRetentionDays!: number | null;

  /** When the retention job last anonymised this event's attendance. */
  @Column({ type: 'timestamptz', nullable: true })
  attendanceAnonymisedAt!: Date | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
