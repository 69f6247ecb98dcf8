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
import { Booth } from './booth.entity';
import { User } from './user.entity';

/**
 * One view of a booth page. The page reports back while it stays open, so `lastSeenAt` minus
 * `startedAt` is the time spent. Only counts reach the booth's staff, never who visited.
 */
@Entity('booth_visits')
@Index(['boothId', 'startedAt'])
export class BoothVisit {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  boothId!: string;

  @ManyToOne(() => Booth, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'booth_id' })
  booth?: Relation<Booth>;

  /** Null once the visit is anonymised (retention period over, or the account deleted). */
  @Column({ type: 'uuid', nullable: true })
  userId!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User> | null;

  /**
   * Replaces the user id when the visit is anonymised: one random value per person and event,
   * drawn at that moment and kept nowhere else, so unique-visitor counts survive.
   */
  @Column({ type: 'uuid', nullable: true })
  pseudonym!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  startedAt!: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  lastSeenAt!: Date;
}
