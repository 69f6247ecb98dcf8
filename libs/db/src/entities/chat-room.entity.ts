import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
} from 'typeorm';
import type { Relation } from 'typeorm';
import { Event } from './event.entity';

/**
 * One chat room (`event:<id>`, `session:<id>`, `booth:<id>`, `workshop:<id>`). `lastSeq` is
 * incremented under the row lock in the transaction that inserts a message, so sequence numbers
 * are gap-free and never reused, whichever api instance writes.
 */
@Entity('chat_rooms')
@Check('"last_seq" >= 0')
@Check('"slow_mode_seconds" >= 0')
export class ChatRoom {
  @PrimaryColumn({ type: 'varchar', length: 80 })
  room!: string;

  @Index()
  @Column({ type: 'uuid' })
  eventId!: string;

  @ManyToOne(() => Event, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id' })
  event?: Relation<Event>;

  @Column({ type: 'int', default: 0 })
  lastSeq!: number;

  @Column({ type: 'int', default: 0 })
  slowModeSeconds!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
