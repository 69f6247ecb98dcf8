import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * A LiveKit webhook already processed. LiveKit retries deliveries, so the event id is the
 * primary key: a second insert of the same id fails and the event is not counted twice.
 */
@Entity('livekit_webhook_events')
export class LiveKitWebhookEvent {
  @PrimaryColumn({ type: 'varchar', length: 100 })
  id!: string;

  @Column({ type: 'varchar', length: 40 })
  event!: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  room!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  receivedAt!: Date;
}
