import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { Relation } from 'typeorm';
import { Event } from './event.entity';

export interface BoothLink {
  label: string;
  url: string;
}

export interface BoothOpeningInterval {
  opensAt: string;
  closesAt: string;
}

/** An exhibitor's booth in the expo hall. */
@Entity('booths')
@Index(['eventId', 'slug'], { unique: true })
export class Booth {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  eventId!: string;

  @ManyToOne(() => Event, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id' })
  event?: Relation<Event>;

  @Column({ type: 'varchar', length: 80 })
  slug!: string;

  @Column({ type: 'varchar', length: 200 })
  organisation!: string;

  @Column({ type: 'varchar', length: 300, default: '' })
  tagline!: string;

  @Column({ type: 'text', default: '' })
  description!: string;

  @Column({ type: 'varchar', length: 20, default: 'standard' })
  tier!: 'premium' | 'standard' | 'basic';

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  topics!: string[];

  @Column({ type: 'int', default: 0 })
  position!: number;

  /** Links the exhibitor shows, e.g. their website; only http(s) and mailto are accepted. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  links!: BoothLink[];

  /** When staff are at the booth; outside these intervals the hall shows it as closed. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  openingHours!: BoothOpeningInterval[];

  /** Storage keys of the uploaded images; the bytes live in the file storage, not here. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  logoKey!: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  logoContentType!: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  bannerKey!: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  bannerContentType!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
