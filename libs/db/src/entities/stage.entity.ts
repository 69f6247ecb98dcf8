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

/** A virtual room where sessions happen: the main stage or a side stage. */
@Entity('stages')
@Index(['eventId', 'name'], { unique: true })
export class Stage {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  eventId!: string;

  @ManyToOne(() => Event, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id' })
  event?: Relation<Event>;

  @Column({ type: 'varchar', length: 120 })
  name!: string;

  /** Room identity for schedule exchange. */
  @Column({ type: 'uuid' })
  @Generated('uuid')
  guid!: string;

  @Column({ type: 'int', default: 0 })
  position!: number;
}
