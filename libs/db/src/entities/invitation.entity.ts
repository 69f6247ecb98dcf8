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
import type { Role } from '@plenum/contracts';
import { Booth } from './booth.entity';
import { Event } from './event.entity';
import { Session } from './session.entity';
import { User } from './user.entity';

/**
 * A role in an event offered to an e-mail address, and the link that answers it; only the
 * token's hash is stored. An account the invitation made gets the membership at once and sets
 * its password from the link; an account that existed before gets the membership only when its
 * owner, signed in, accepts.
 */
@Entity('invitations')
export class Invitation {
  /** Given by the api at the insert: the link's token is derived from it (invitation-token.ts). */
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  eventId!: string;

  @ManyToOne(() => Event, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id' })
  event?: Relation<Event>;

  @Index()
  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  /** The address as the inviter typed it (lower-cased): all they see until it is accepted. */
  @Column({ type: 'varchar', length: 254 })
  email!: string;

  @Column({
    type: 'enum',
    enum: ['organizer', 'moderator', 'speaker', 'exhibitor', 'attendee'],
    enumName: 'role',
  })
  role!: Role;

  @Column({ type: 'uuid', nullable: true })
  sessionId!: string | null;

  @ManyToOne(() => Session, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  session?: Relation<Session>;

  @Column({ type: 'uuid', nullable: true })
  boothId!: string | null;

  @ManyToOne(() => Booth, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'booth_id' })
  booth?: Relation<Booth>;

  /** The account was made by this invitation: the link may set its first password. */
  @Column({ type: 'boolean', default: false })
  newAccount!: boolean;

  @Column({ type: 'uuid', nullable: true })
  invitedById!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'invited_by_id' })
  invitedBy?: Relation<User>;

  @Index({ unique: true })
  @Column({ type: 'char', length: 64 })
  tokenHash!: string;

  @Column({ type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  acceptedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  declinedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
