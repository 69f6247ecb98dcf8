import { AgendaItem } from './agenda-item.entity';
import { AttendanceInterval } from './attendance-interval.entity';
import { AuditLog } from './audit-log.entity';
import { AuthSession } from './auth-session.entity';
import { Booth } from './booth.entity';
import { CalendarFeed } from './calendar-feed.entity';
import { ChatMessage } from './chat-message.entity';
import { ChatMute } from './chat-mute.entity';
import { ChatRoom } from './chat-room.entity';
import { Event } from './event.entity';
import { Invitation } from './invitation.entity';
import { LiveKitWebhookEvent } from './livekit-webhook-event.entity';
import { LiveSpeaker } from './live-speaker.entity';
import { Membership } from './membership.entity';
import { Poll } from './poll.entity';
import { PollVote } from './poll-vote.entity';
import { Question } from './question.entity';
import { QuestionVote } from './question-vote.entity';
import { Session } from './session.entity';
import { SessionQa } from './session-qa.entity';
import { SessionSpeaker } from './session-speaker.entity';
import { Speaker } from './speaker.entity';
import { Stage } from './stage.entity';
import { Track } from './track.entity';
import { User } from './user.entity';

export {
  AgendaItem,
  AttendanceInterval,
  AuditLog,
  AuthSession,
  Booth,
  CalendarFeed,
  ChatMessage,
  ChatMute,
  ChatRoom,
  Event,
  Invitation,
  LiveKitWebhookEvent,
  LiveSpeaker,
  Membership,
  Poll,
  PollVote,
  Question,
  QuestionVote,
  Session,
  SessionQa,
  SessionSpeaker,
  Speaker,
  Stage,
  Track,
  User,
};
export { membershipScope } from './membership.entity';
export type { SpeakerLink } from './speaker.entity';
export type { PollKind, PollState } from './poll.entity';
export type { QuestionState } from './question.entity';

export const entities = [
  AgendaItem,
  AttendanceInterval,
  AuditLog,
  AuthSession,
  Booth,
  CalendarFeed,
  ChatMessage,
  ChatMute,
  ChatRoom,
  Event,
  Invitation,
  LiveKitWebhookEvent,
  LiveSpeaker,
  Membership,
  Poll,
  PollVote,
  Question,
  QuestionVote,
  Session,
  SessionQa,
  SessionSpeaker,
  Speaker,
  Stage,
  Track,
  User,
];
