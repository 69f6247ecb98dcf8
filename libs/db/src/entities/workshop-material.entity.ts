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
import { Session } from './session.entity';
import { User } from './user.entity';

/** A link or a file the hosts share with a workshop's registrants. */
@Entity('workshop_materials')
@Index(['sessionId', 'createdAt'])
@Check(`("url" IS NULL) <> ("storage_key" IS NULL)`)
export class WorkshopMaterial {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  sessionId!: string;

  @ManyToOne(() => Session, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  session?: Relation<Session>;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  /** Set for a link. */
  @Column({ type: 'varchar', length: 2000, nullable: true })
  url!: string | null;

  /** Set for a file: its name in the storage directory (random, never the uploaded name). */
  @Column({ type: 'varchar', length: 100, nullable: true })
  storageKey!: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  fileName!: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  contentType!: string | null;

  @Column({ type: 'int', nullable: true })
  sizeBytes!: number | null;

  @Column({ type: 'uuid', nullable: true })
  createdById!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by_id' })
  createdBy?: Relation<User> | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
