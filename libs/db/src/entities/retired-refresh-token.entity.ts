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
import { AuthSession } from './auth-session.entity';

/**
 * The hash of a refresh token that rotation has left behind for good (past the previous one,
 * which still works for a moment). Presenting one means a copy of an old cookie is in use: the
 * session it belonged to is ended. The rows go with their session.
 */
@Entity('retired_refresh_tokens')
export class RetiredRefreshToken {
  @PrimaryColumn({ type: 'char', length: 64 })
  tokenHash!: string;

  @Index()
  @Column({ type: 'uuid' })
  authSessionId!: string;

  @ManyToOne(() => AuthSession, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'auth_session_id' })
  authSession?: Relation<AuthSession>;

  @CreateDateColumn({ type: 'timestamptz' })
  retiredAt!: Date;
}
