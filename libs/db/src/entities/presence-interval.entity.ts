import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { Event } from './event.entity';
import { User } from './user.entity';

/**
 * One person's stay in a live room (`session:<id>`, `booth:<id>`, ...) as the Socket.IO
 * presence saw it: written when their first socket on an api instance enters the room and
 * closed when the last one leaves. An instance that stops leaves rows open; reports cut them at
 * the end of the session.
 */
@Entity('presence_intervals')
@Index(['room', 'enteredAt'])
@Index(['eventId', 'enteredAt'])
export class PresenceInterval {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  eventId!: string;

  @ManyToOne(() => Event, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id' })
  event?: Relation<Event>;

  @Column({ type: 'varchar', length: 80 })
  room!: string;

  /** Null once anonymised; `pseudonym` then keeps one person one person within the event. */
  @Index()
  @Column({ type: 'uuid', nullable: true })
  userId!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User> | null;

  @Column({ type: 'uuid', nullable: true })
  pseudonym!: string | null;

  @Column({ type: 'timestamptz' })
  enteredAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  leftAt!: Date | null;
}
