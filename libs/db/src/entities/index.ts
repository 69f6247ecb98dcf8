import { AgendaItem } from './agenda-item.entity';
import { Announcement } from './announcement.entity';
import { AttendanceInterval } from './attendance-interval.entity';
import { AuditLog } from './audit-log.entity';
import { AuthSession } from './auth-session.entity';
import { Booth } from './booth.entity';
import { BoothConversation } from './booth-conversation.entity';
import { BoothDocument } from './booth-document.entity';
import { BoothVisit } from './booth-visit.entity';
import { CalendarFeed } from './calendar-feed.entity';
import { ChatMessage } from './chat-message.entity';
import { ChatMute } from './chat-mute.entity';
import { ChatRoom } from './chat-room.entity';
import { Event } from './event.entity';
import { EventImpression } from './event-impression.entity';
import { EventPrivacySettings } from './event-privacy-settings.entity';
import { Invitation } from './invitation.entity';
import { Lead } from './lead.entity';
import { LiveKitWebhookEvent } from './livekit-webhook-event.entity';
import { LiveSpeaker } from './live-speaker.entity';
import { Membership } from './membership.entity';
import { Notification } from './notification.entity';
import { ReminderDelivery } from './reminder-delivery.entity';
import { ReminderPreference } from './reminder-preference.entity';
import { ReminderSettings } from './reminder-settings.entity';
import { Poll } from './poll.entity';
import { PresenceInterval } from './presence-interval.entity';
import { PollVote } from './poll-vote.entity';
import { Question } from './question.entity';
import { QuestionVote } from './question-vote.entity';
import { Recording } from './recording.entity';
import { RetiredRefreshToken } from './retired-refresh-token.entity';
import { Session } from './session.entity';
import { SignInLink } from './sign-in-link.entity';
import { SessionQa } from './session-qa.entity';
import { SessionSlide } from './session-slide.entity';
import { SessionSpeaker } from './session-speaker.entity';
import { Speaker } from './speaker.entity';
import { Stage } from './stage.entity';
import { Track } from './track.entity';
import { User } from './user.entity';
import { WorkshopMaterial } from './workshop-material.entity';
import { WorkshopRegistration } from './workshop-registration.entity';
import { WorkshopSettings } from './workshop-settings.entity';

export {
  AgendaItem,
  Announcement,
  AttendanceInterval,
  AuditLog,
  AuthSession,
  Booth,
  BoothConversation,
  BoothDocument,
  BoothVisit,
  CalendarFeed,
  ChatMessage,
  ChatMute,
  ChatRoom,
  Event,
  EventImpression,
  EventPrivacySettings,
  Invitation,
  Lead,
  LiveKitWebhookEvent,
  LiveSpeaker,
  Membership,
  Notification,
  ReminderDelivery,
  ReminderPreference,
  ReminderSettings,
  Poll,
  PollVote,
  PresenceInterval,
  Question,
  QuestionVote,
  Recording,
  RetiredRefreshToken,
  Session,
  SignInLink,
  SessionQa,
  SessionSlide,
  SessionSpeaker,
  Speaker,
  Stage,
  Track,
  User,
  WorkshopMaterial,
  WorkshopRegistration,
  WorkshopSettings,
};
export { membershipScope } from './membership.entity';
export type { BoothLink, BoothOpeningInterval } from './booth.entity';
export type { BoothConversationState } from './booth-conversation.entity';
export type { SpeakerLink } from './speaker.entity';
export type { PollKind, PollState } from './poll.entity';
export type { QuestionState } from './question.entity';
export type { SignInLinkPurpose } from './sign-in-link.entity';

export const entities = [
  AgendaItem,
  Announcement,
  AttendanceInterval,
  AuditLog,
  AuthSession,
  Booth,
  BoothConversation,
  BoothDocument,
  BoothVisit,
  CalendarFeed,
  ChatMessage,
  ChatMute,
  ChatRoom,
  Event,
  EventImpression,
  EventPrivacySettings,
  Invitation,
  Lead,
  LiveKitWebhookEvent,
  LiveSpeaker,
  Membership,
  Notification,
  ReminderDelivery,
  ReminderPreference,
  ReminderSettings,
  Poll,
  PollVote,
  PresenceInterval,
  Question,
  QuestionVote,
  Recording,
  RetiredRefreshToken,
  Session,
  SignInLink,
  SessionQa,
  SessionSlide,
  SessionSpeaker,
  Speaker,
  Stage,
  Track,
  User,
  WorkshopMaterial,
  WorkshopRegistration,
  WorkshopSettings,
];
