import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
} from 'typeorm';
import type { Relation } from 'typeorm';
import { User } from './user.entity';

export type SignInLinkPurpose = 'password-reset' | 'sign-in';

/**
 * A link sent by e-mail that sets a new password or signs in once. The worker writes the row
 * when it writes the e-mail; the token is derived from the id with the server's secret and only
 * its hash is kept, so neither the job nor this table can open the link.
 */
@Entity('sign_in_links')
export class SignInLink {
  /** The id the api gave the request; a retried job finds its row again and sends the same link. */
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Index()
  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  @Column({ type: 'varchar', length: 20 })
  purpose!: SignInLinkPurpose;

  @Index({ unique: true })
  @Column({ type: 'char', length: 64 })
  tokenHash!: string;

  @Column({ type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
