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
import { Event } from './event.entity';
import { User } from './user.entity';

/** A person may not chat in one room (or, with `room` null, anywhere in the event) until `until`. */
@Entity('chat_mutes')
@Index(['eventId', 'userId', 'until'])
export class ChatMute {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  eventId!: string;

  @ManyToOne(() => Event, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id' })
  event?: Relation<Event>;

  /** Null mutes the person in every room of the event. */
  @Column({ type: 'varchar', length: 80, nullable: true })
  room!: string | null;

  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  @Column({ type: 'uuid', nullable: true })
  mutedById!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'muted_by_id' })
  mutedBy?: Relation<User> | null;

  @Column({ type: 'varchar', length: 500, default: '' })
  reason!: string;

  @Column({ type: 'timestamptz' })
  until!: Date;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
