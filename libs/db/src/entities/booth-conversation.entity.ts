import {
  Check,
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

export type BoothConversationState = 'waiting' | 'active' | 'ended' | 'left';

/**
 * A visitor's "talk to us" request at a booth. Waiting rows form the queue, ordered by
 * `queuedAt`; the database holds the rules: one open request per visitor and booth, and one
 * active conversation per staff member at a time.
 */
@Entity('booth_conversations')
@Index(['boothId', 'state', 'queuedAt'])
@Index('UQ_booth_conversations_open_visitor', ['boothId', 'visitorId'], {
  unique: true,
  where: `"state" IN ('waiting', 'active')`,
})
@Index('UQ_booth_conversations_active_staff', ['staffId'], {
  unique: true,
  where: `"state" = 'active'`,
})
@Check(`"state" IN ('waiting', 'active', 'ended', 'left')`)
export class BoothConversation {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  boothId!: string;

  @ManyToOne(() => Booth, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'booth_id' })
  booth?: Relation<Booth>;

  @Column({ type: 'uuid' })
  visitorId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'visitor_id' })
  visitor?: Relation<User>;

  @Column({ type: 'uuid', nullable: true })
  staffId!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'staff_id' })
  staff?: Relation<User>;

  @Column({ type: 'varchar', length: 10, default: 'waiting' })
  state!: BoothConversationState;

  @Column({ type: 'timestamptz', default: () => 'clock_timestamp()' })
  queuedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  acceptedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  endedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
