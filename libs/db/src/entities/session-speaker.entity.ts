import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import type { SpeakerPart } from '@plenum/contracts';
import { Session } from './session.entity';
import { Speaker } from './speaker.entity';

@Entity('session_speakers')
export class SessionSpeaker {
  @PrimaryColumn({ type: 'uuid' })
  sessionId!: string;

  @ManyToOne(() => Session, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  session?: Relation<Session>;

  @PrimaryColumn({ type: 'uuid' })
  speakerId!: string;

  @ManyToOne(() => Speaker, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'speaker_id' })
  speaker?: Relation<Speaker>;

  @Column({
    type: 'enum',
    enum: ['speaker', 'moderator', 'host'],
    enumName: 'speaker_part',
    default: 'speaker',
  })
  part!: SpeakerPart;

  @Column({ type: 'int', default: 0 })
  position!: number;
}
