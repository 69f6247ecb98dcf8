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

/** A file visitors can download from a booth; its bytes live in the file storage. */
@Entity('booth_documents')
@Index(['boothId', 'createdAt'])
export class BoothDocument {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  boothId!: string;

  @ManyToOne(() => Booth, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'booth_id' })
  booth?: Relation<Booth>;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'varchar', length: 200 })
  fileName!: string;

  @Column({ type: 'varchar', length: 120 })
  contentType!: string;

  @Column({ type: 'int' })
  bytes!: number;

  @Column({ type: 'varchar', length: 200 })
  storageKey!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
