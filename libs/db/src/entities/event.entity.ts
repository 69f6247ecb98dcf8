import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { Locale, MediaAccess } from '@plenum/contracts';

@Entity('events')
export class Event {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64 })
  slug!: string;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'text', default: '' })
  description!: string;

  @Column({ type: 'varchar', length: 64 })
  timeZone!: string;

  @Column({ type: 'date' })
  startsOn!: string;

  @Column({ type: 'date' })
  endsOn!: string;

  @Column({ type: 'varchar', length: 2, default: 'de' })
  defaultLocale!: Locale;

  /** Who sees replays, slides and impressions: anyone, or the event's members only. */
  @Column({
    type: 'enum',
    enum: ['public', 'registered'],
    enumName: 'media_access',
    default: 'registered',
  })
  mediaAccess!: MediaAccess;

  @Column({ type: 'bytea', nullable: true, select: false })
  logo!: Buffer | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  logoContentType!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
