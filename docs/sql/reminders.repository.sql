-- RemindersRepository.eventOffsets
SELECT "ReminderSettings"."event_id" AS "ReminderSettings_event_id", "ReminderSettings"."offsets_minutes" AS "ReminderSettings_offsets_minutes", "ReminderSettings"."updated_at" AS "ReminderSettings_updated_at" FROM "reminder_settings" "ReminderSettings" WHERE (("ReminderSettings"."event_id" = $1)) LIMIT 1;

-- RemindersRepository.setEventOffsets
INSERT INTO "reminder_settings"("event_id", "offsets_minutes", "updated_at") VALUES ($1, $2, DEFAULT) ON CONFLICT ( "event_id" ) DO UPDATE SET "event_id" = EXCLUDED."event_id", "offsets_minutes" = EXCLUDED."offsets_minutes", "updated_at" = DEFAULT RETURNING "updated_at";

-- RemindersRepository.futureSessions (of an event)
SELECT "Session"."id" AS "Session_id", "Session"."sequence" AS "Session_sequence", "Session"."event_id" AS "Session_event_id", "Session"."starts_at" AS "Session_starts_at", "Session"."state" AS "Session_state" FROM "sessions" "Session" WHERE (("Session"."event_id" = $1) AND ("Session"."state" = $2) AND ("Session"."starts_at" > $3));

-- RemindersRepository.futureSessions (of every event)
SELECT "Session"."id" AS "Session_id", "Session"."sequence" AS "Session_sequence", "Session"."event_id" AS "Session_event_id", "Session"."starts_at" AS "Session_starts_at", "Session"."state" AS "Session_state" FROM "sessions" "Session" WHERE (("Session"."state" = $1) AND ("Session"."starts_at" > $2));

-- RemindersRepository.preferences
SELECT "ReminderPreference"."user_id" AS "ReminderPreference_user_id", "ReminderPreference"."event_id" AS "ReminderPreference_event_id", "ReminderPreference"."enabled" AS "ReminderPreference_enabled", "ReminderPreference"."offsets_minutes" AS "ReminderPreference_offsets_minutes", "ReminderPreference"."channels" AS "ReminderPreference_channels", "ReminderPreference"."all_keynotes" AS "ReminderPreference_all_keynotes", "ReminderPreference"."updated_at" AS "ReminderPreference_updated_at" FROM "reminder_preferences" "ReminderPreference" WHERE (("ReminderPreference"."user_id" = $1) AND ("ReminderPreference"."event_id" = $2)) LIMIT 1;

-- RemindersRepository.upsertPreferences
INSERT INTO "reminder_preferences"("user_id", "event_id", "enabled", "offsets_minutes", "channels", "all_keynotes", "updated_at") VALUES ($1, $2, $3, $4, $5, $6, DEFAULT) ON CONFLICT ( "user_id", "event_id" ) DO UPDATE SET "user_id" = EXCLUDED."user_id", "event_id" = EXCLUDED."event_id", "enabled" = EXCLUDED."enabled", "offsets_minutes" = EXCLUDED."offsets_minutes", "channels" = EXCLUDED."channels", "all_keynotes" = EXCLUDED."all_keynotes", "updated_at" = DEFAULT RETURNING "enabled", "channels", "all_keynotes", "updated_at";

-- RemindersRepository.findEvent
SELECT "Event"."id" AS "Event_id", "Event"."slug" AS "Event_slug", "Event"."title" AS "Event_title", "Event"."description" AS "Event_description", "Event"."time_zone" AS "Event_time_zone", "Event"."starts_on" AS "Event_starts_on", "Event"."ends_on" AS "Event_ends_on", "Event"."default_locale" AS "Event_default_locale", "Event"."media_access" AS "Event_media_access", "Event"."logo_content_type" AS "Event_logo_content_type", "Event"."created_at" AS "Event_created_at", "Event"."updated_at" AS "Event_updated_at" FROM "events" "Event" WHERE (("Event"."id" = $1)) LIMIT 1;

-- RemindersRepository.notifications
SELECT "Notification"."id" AS "Notification_id", "Notification"."user_id" AS "Notification_user_id", "Notification"."event_id" AS "Notification_event_id", "Notification"."delivery_id" AS "Notification_delivery_id", "Notification"."kind" AS "Notification_kind", "Notification"."title" AS "Notification_title", "Notification"."body" AS "Notification_body", "Notification"."link" AS "Notification_link", "Notification"."session_id" AS "Notification_session_id", "Notification"."created_at" AS "Notification_created_at", "Notification"."read_at" AS "Notification_read_at" FROM "notifications" "Notification" WHERE (("Notification"."user_id" = $1) AND ("Notification"."event_id" = $2)) ORDER BY "Notification"."created_at" DESC LIMIT 50;

-- RemindersRepository.markAllRead
UPDATE "notifications" SET "read_at" = $1 WHERE ("user_id" = $2 AND "event_id" = $3 AND "read_at" IS NULL);

-- RemindersRepository.insertAnnouncement
INSERT INTO "announcements"("id", "event_id", "author_id", "role", "channels", "title", "body", "created_at") VALUES (DEFAULT, $1, $2, $3, $4, $5, $6, DEFAULT) RETURNING "id", "created_at";
