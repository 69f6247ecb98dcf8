import {
  Column,
  Entity,
  Generated,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import type { Relation } from 'typeorm';
import { Event } from './event.entity';
import { User } from './user.entity';

export interface SpeakerLink {
  label: string;
  url: string;
}

/** A speaker's public profile within one event; linked to an account when they have one. */
@Entity('speakers')
@Index(['eventId', 'name'])
@Index(['eventId', 'guid'], { unique: true })
export class Speaker {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Person identity for schedule exchange: taken from an import, or generated here. */
  @Column({ type: 'uuid' })
  @Generated('uuid')
  guid!: string;

  @Column({ type: 'uuid' })
  eventId!: string;

  @ManyToOne(() => Event, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id' })
  event?: Relation<Event>;

  @Column({ type: 'uuid', nullable: true })
  userId!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User> | null;

  @Column({ type: 'varchar', length: 160 })
  name!: string;

  /** Job title or office, e.g. "Staatsministerin für Digitale Strategie und Entwicklung". */
  @Column({ type: 'varchar', length: 200, default: '' })
  title!: string;

  @Column({ type: 'varchar', length: 200, default: '' })
  organisation!: string;

  @Column({ type: 'text', default: '' })
  biography!: string;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  photoUrl!: string | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  links!: SpeakerLink[];
}
