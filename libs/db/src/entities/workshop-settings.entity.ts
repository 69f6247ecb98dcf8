import {
  Check,
  Column,
  Entity,
  JoinColumn,
  OneToOne,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { Relation } from 'typeorm';
import { Session } from './session.entity';

/** A workshop's registration window; without a row, registration is open until the workshop ends. */
@Entity('workshop_settings')
@Check(
  '"registration_closes_at" IS NULL OR "registration_opens_at" IS NULL OR "registration_closes_at" > "registration_opens_at"',
)
export class WorkshopSettings {
  @PrimaryColumn({ type: 'uuid' })
  sessionId!: string;

  @OneToOne(() => Session, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  session?: Relation<Session>;

  @Column({ type: 'timestamptz', nullable: true })
  registrationOpensAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  registrationClosesAt!: Date | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
