-- ReminderDeliveriesRepository.findDelivery
SELECT "ReminderDelivery"."id" AS "ReminderDelivery_id", "ReminderDelivery"."event_id" AS "ReminderDelivery_event_id", "ReminderDelivery"."user_id" AS "ReminderDelivery_user_id", "ReminderDelivery"."subject" AS "ReminderDelivery_subject", "ReminderDelivery"."kind" AS "ReminderDelivery_kind", "ReminderDelivery"."session_id" AS "ReminderDelivery_session_id", "ReminderDelivery"."announcement_id" AS "ReminderDelivery_announcement_id", "ReminderDelivery"."offset_minutes" AS "ReminderDelivery_offset_minutes", "ReminderDelivery"."channel" AS "ReminderDelivery_channel", "ReminderDelivery"."status" AS "ReminderDelivery_status", "ReminderDelivery"."attempts" AS "ReminderDelivery_attempts", "ReminderDelivery"."last_error" AS "ReminderDelivery_last_error", "ReminderDelivery"."created_at" AS "ReminderDelivery_created_at", "ReminderDelivery"."claimed_at" AS "ReminderDelivery_claimed_at", "ReminderDelivery"."sent_at" AS "ReminderDelivery_sent_at", "ReminderDelivery"."failed_at" AS "ReminderDelivery_failed_at" FROM "reminder_deliveries" "ReminderDelivery" WHERE (("ReminderDelivery"."id" = $1)) LIMIT 1;

-- ReminderDeliveriesRepository.getDelivery
SELECT "ReminderDelivery"."id" AS "ReminderDelivery_id", "ReminderDelivery"."event_id" AS "ReminderDelivery_event_id", "ReminderDelivery"."user_id" AS "ReminderDelivery_user_id", "ReminderDelivery"."subject" AS "ReminderDelivery_subject", "ReminderDelivery"."kind" AS "ReminderDelivery_kind", "ReminderDelivery"."session_id" AS "ReminderDelivery_session_id", "ReminderDelivery"."announcement_id" AS "ReminderDelivery_announcement_id", "ReminderDelivery"."offset_minutes" AS "ReminderDelivery_offset_minutes", "ReminderDelivery"."channel" AS "ReminderDelivery_channel", "ReminderDelivery"."status" AS "ReminderDelivery_status", "ReminderDelivery"."attempts" AS "ReminderDelivery_attempts", "ReminderDelivery"."last_error" AS "ReminderDelivery_last_error", "ReminderDelivery"."created_at" AS "ReminderDelivery_created_at", "ReminderDelivery"."claimed_at" AS "ReminderDelivery_claimed_at", "ReminderDelivery"."sent_at" AS "ReminderDelivery_sent_at", "ReminderDelivery"."failed_at" AS "ReminderDelivery_failed_at" FROM "reminder_deliveries" "ReminderDelivery" WHERE (("ReminderDelivery"."id" = $1)) LIMIT 1;

-- ReminderDeliveriesRepository.getUser
SELECT "User"."id" AS "User_id", "User"."email" AS "User_email", "User"."display_name" AS "User_display_name", "User"."locale" AS "User_locale", "User"."is_platform_admin" AS "User_is_platform_admin", "User"."disabled_at" AS "User_disabled_at", "User"."created_at" AS "User_created_at", "User"."updated_at" AS "User_updated_at" FROM "users" "User" WHERE (("User"."id" = $1)) LIMIT 1;

-- ReminderDeliveriesRepository.getEvent
SELECT "Event"."id" AS "Event_id", "Event"."slug" AS "Event_slug", "Event"."title" AS "Event_title", "Event"."description" AS "Event_description", "Event"."time_zone" AS "Event_time_zone", "Event"."starts_on" AS "Event_starts_on", "Event"."ends_on" AS "Event_ends_on", "Event"."default_locale" AS "Event_default_locale", "Event"."media_access" AS "Event_media_access", "Event"."logo_content_type" AS "Event_logo_content_type", "Event"."created_at" AS "Event_created_at", "Event"."updated_at" AS "Event_updated_at" FROM "events" "Event" WHERE (("Event"."id" = $1)) LIMIT 1;

-- ReminderDeliveriesRepository.findSession
SELECT "Session"."id" AS "Session_id", "Session"."guid" AS "Session_guid", "Session"."number" AS "Session_number", "Session"."sequence" AS "Session_sequence", "Session"."event_id" AS "Session_event_id", "Session"."stage_id" AS "Session_stage_id", "Session"."track_id" AS "Session_track_id", "Session"."kind" AS "Session_kind", "Session"."title" AS "Session_title", "Session"."abstract" AS "Session_abstract", "Session"."starts_at" AS "Session_starts_at", "Session"."ends_at" AS "Session_ends_at", "Session"."state" AS "Session_state", "Session"."capacity" AS "Session_capacity", "Session"."stream_url" AS "Session_stream_url", "Session"."language" AS "Session_language", "Session"."created_at" AS "Session_created_at", "Session"."updated_at" AS "Session_updated_at" FROM "sessions" "Session" WHERE (("Session"."id" = $1)) LIMIT 1;

-- ReminderDeliveriesRepository.findAnnouncement
SELECT "Announcement"."id" AS "Announcement_id", "Announcement"."event_id" AS "Announcement_event_id", "Announcement"."author_id" AS "Announcement_author_id", "Announcement"."role" AS "Announcement_role", "Announcement"."channels" AS "Announcement_channels", "Announcement"."title" AS "Announcement_title", "Announcement"."body" AS "Announcement_body", "Announcement"."created_at" AS "Announcement_created_at" FROM "announcements" "Announcement" WHERE (("Announcement"."id" = $1)) LIMIT 1;

-- ReminderDeliveriesRepository.holdsWorkshopSeat
SELECT 1 AS "row_exists" FROM (SELECT 1 AS dummy_column) "dummy_table" WHERE EXISTS (SELECT 1 FROM "workshop_registrations" "WorkshopRegistration" WHERE (("WorkshopRegistration"."session_id" = $1) AND ("WorkshopRegistration"."user_id" = $2) AND ("WorkshopRegistration"."status" = $3))) LIMIT 1;

-- ReminderDeliveriesRepository.insertDeliveries
INSERT INTO reminder_deliveries
         (event_id, user_id, subject, kind, session_id, announcement_id, offset_minutes, channel)
       SELECT $1, w.user_id, $2, $3::delivery_kind, $4, $5, $6, w.channel
       FROM unnest($7::uuid[], $8::delivery_channel[]) AS w(user_id, channel)
       ON CONFLICT (user_id, subject, channel) DO NOTHING
       RETURNING id;

-- ReminderDeliveriesRepository.unsentDeliveries
SELECT d.id FROM reminder_deliveries d
       JOIN unnest($2::uuid[], $3::delivery_channel[]) AS w(user_id, channel)
         ON w.user_id = d.user_id AND w.channel = d.channel
       WHERE d.subject = $1 AND d.status IN ('pending', 'sending');

-- ReminderDeliveriesRepository.claimEmail
UPDATE reminder_deliveries
       SET status = 'sending', claimed_at = now(), attempts = attempts + 1
       WHERE id = $1 AND (status = 'pending'
         OR (status = 'sending' AND claimed_at < now() - $2 * interval '1 millisecond'))
       RETURNING id;

-- ReminderDeliveriesRepository.markEmailSent
UPDATE "reminder_deliveries" SET "status" = $1, "sent_at" = $2, "last_error" = $3 WHERE ("id" = $4 AND "status" = $5);

-- ReminderDeliveriesRepository.pendingInApp
SELECT d.id, d.user_id, d.event_id, d.kind, d.session_id, d.announcement_id,
              d.offset_minutes, u.locale
       FROM reminder_deliveries d JOIN users u ON u.id = d.user_id
       WHERE d.id = ANY($1::uuid[]) AND d.status = 'pending' AND d.channel = 'in-app';

-- ReminderDeliveriesRepository.writeNotifications
INSERT INTO notifications (user_id, event_id, delivery_id, kind, title, body, link, session_id)
       SELECT n.user_id, $1, n.delivery_id, n.kind::notification_kind, n.title, n.body, $2, $3
       FROM unnest($4::uuid[], $5::uuid[], $6::text[], $7::text[], $8::text[])
         AS n(user_id, delivery_id, kind, title, body)
       ON CONFLICT (delivery_id) DO UPDATE SET delivery_id = EXCLUDED.delivery_id
       RETURNING id, user_id, event_id, kind, title, body, link, session_id, created_at, read_at;

-- ReminderDeliveriesRepository.markInAppSent
UPDATE reminder_deliveries
       SET status = 'sent', sent_at = now(), attempts = attempts + 1, last_error = NULL
       WHERE id = ANY($1::uuid[]) AND status = 'pending';

-- ReminderDeliveriesRepository.recordFailure
UPDATE reminder_deliveries
       SET attempts = CASE WHEN status = 'sending' THEN attempts ELSE attempts + 1 END,
           status = CASE WHEN $3 THEN 'failed'::delivery_status ELSE 'pending'::delivery_status END,
           failed_at = CASE WHEN $3 THEN now() ELSE failed_at END,
           last_error = $2
       WHERE id = $1 AND status IN ('pending', 'sending');

-- ReminderDeliveriesRepository.statusCounts
SELECT status, count(*) AS count FROM reminder_deliveries WHERE event_id = $1 GROUP BY status;

-- ReminderDeliveriesRepository.recentFailures
SELECT channel, last_error, failed_at FROM reminder_deliveries
       WHERE event_id = $1 AND status = 'failed' ORDER BY failed_at DESC LIMIT 10;
