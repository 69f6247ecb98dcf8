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
import { Poll } from './poll.entity';
import { User } from './user.entity';

/** One person's ballot in one poll: the primary key allows one per person. */
@Entity('poll_votes')
@Check('cardinality("choices") BETWEEN 1 AND 10')
export class PollVote {
  @PrimaryColumn({ type: 'uuid' })
  pollId!: string;

  @ManyToOne(() => Poll, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'poll_id' })
  poll?: Relation<Poll>;

  @Index()
  @PrimaryColumn({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  /** Indexes into the poll's options. */
  @Column({ type: 'smallint', array: true })
  choices!: number[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
