import {
  Check,
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
import { Booth } from './booth.entity';
import { User } from './user.entity';

/**
 * An attendee's consented contact share with a booth. The contact fields are a copy of what the
 * attendee chose to share at that moment; withdrawing clears them and the staff's notes.
 */
@Entity('leads')
@Index(['boothId', 'userId'], { unique: true })
@Index(['userId'])
@Check('"rating" IS NULL OR ("rating" BETWEEN 1 AND 5)')
export class Lead {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  boothId!: string;

  @ManyToOne(() => Booth, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'booth_id' })
  booth?: Relation<Booth>;

  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  /** Which fields the attendee agreed to share, as recorded with the consent. */
  @Column({ type: 'text', array: true })
  sharedFields!: string[];

  @Column({ type: 'varchar', length: 120, nullable: true })
  name!: string | null;

  @Column({ type: 'varchar', length: 254, nullable: true })
  email!: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  organisation!: string | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  message!: string | null;

  @Column({ type: 'timestamptz' })
  consentedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  withdrawnAt!: Date | null;

  @Column({ type: 'text', default: '' })
  note!: string;

  @Column({ type: 'smallint', nullable: true })
  rating!: number | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
