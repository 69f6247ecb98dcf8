-- VideoRepository.mintFacts
SELECT u.display_name,
         (SELECT json_build_object('id', s.id, 'eventId', s.event_id, 'stageId', s.stage_id,
                                   'kind', s.kind, 'state', s.state, 'startsAt', s.starts_at,
                                   'endsAt', s.ends_at, 'capacity', s.capacity)
            FROM sessions s WHERE s.id = $2 AND s.event_id = $3) AS session,
         EXISTS (SELECT 1 FROM live_speakers l WHERE l.session_id = $2 AND l.user_id = u.id) AS live
    FROM users u
   WHERE u.id = $1;

-- VideoRepository.eventById
SELECT "Event"."id" AS "Event_id", "Event"."slug" AS "Event_slug", "Event"."title" AS "Event_title", "Event"."description" AS "Event_description", "Event"."time_zone" AS "Event_time_zone", "Event"."starts_on" AS "Event_starts_on", "Event"."ends_on" AS "Event_ends_on", "Event"."default_locale" AS "Event_default_locale", "Event"."media_access" AS "Event_media_access", "Event"."logo_content_type" AS "Event_logo_content_type", "Event"."created_at" AS "Event_created_at", "Event"."updated_at" AS "Event_updated_at" FROM "events" "Event" WHERE (("Event"."id" = $1)) LIMIT 1;

-- VideoRepository.sessionInEvent
SELECT "Session"."id" AS "Session_id", "Session"."guid" AS "Session_guid", "Session"."number" AS "Session_number", "Session"."sequence" AS "Session_sequence", "Session"."event_id" AS "Session_event_id", "Session"."stage_id" AS "Session_stage_id", "Session"."track_id" AS "Session_track_id", "Session"."kind" AS "Session_kind", "Session"."title" AS "Session_title", "Session"."abstract" AS "Session_abstract", "Session"."starts_at" AS "Session_starts_at", "Session"."ends_at" AS "Session_ends_at", "Session"."state" AS "Session_state", "Session"."capacity" AS "Session_capacity", "Session"."stream_url" AS "Session_stream_url", "Session"."language" AS "Session_language", "Session"."created_at" AS "Session_created_at", "Session"."updated_at" AS "Session_updated_at" FROM "sessions" "Session" WHERE (("Session"."id" = $1) AND ("Session"."event_id" = $2)) LIMIT 1;

-- VideoRepository.stageInEvent
SELECT "Stage"."id" AS "Stage_id", "Stage"."event_id" AS "Stage_event_id", "Stage"."name" AS "Stage_name", "Stage"."guid" AS "Stage_guid", "Stage"."position" AS "Stage_position" FROM "stages" "Stage" WHERE (("Stage"."id" = $1) AND ("Stage"."event_id" = $2)) LIMIT 1;

-- VideoRepository.boothInEvent
SELECT 1 AS "row_exists" FROM (SELECT 1 AS dummy_column) "dummy_table" WHERE EXISTS (SELECT 1 FROM "booths" "Booth" WHERE (("Booth"."id" = $1) AND ("Booth"."event_id" = $2))) LIMIT 1;

-- VideoRepository.sessionsOnStage
SELECT "Session"."id" AS "Session_id", "Session"."guid" AS "Session_guid", "Session"."number" AS "Session_number", "Session"."sequence" AS "Session_sequence", "Session"."event_id" AS "Session_event_id", "Session"."stage_id" AS "Session_stage_id", "Session"."track_id" AS "Session_track_id", "Session"."kind" AS "Session_kind", "Session"."title" AS "Session_title", "Session"."abstract" AS "Session_abstract", "Session"."starts_at" AS "Session_starts_at", "Session"."ends_at" AS "Session_ends_at", "Session"."state" AS "Session_state", "Session"."capacity" AS "Session_capacity", "Session"."stream_url" AS "Session_stream_url", "Session"."language" AS "Session_language", "Session"."created_at" AS "Session_created_at", "Session"."updated_at" AS "Session_updated_at" FROM "sessions" "Session" WHERE (("Session"."stage_id" = $1) AND ("Session"."state" != $2) AND ("Session"."ends_at" > $3)) ORDER BY "Session"."starts_at" ASC;

-- VideoRepository.isLive
SELECT 1 AS "row_exists" FROM (SELECT 1 AS dummy_column) "dummy_table" WHERE EXISTS (SELECT 1 FROM "live_speakers" "LiveSpeaker" WHERE (("LiveSpeaker"."session_id" = $1) AND ("LiveSpeaker"."user_id" = $2))) LIMIT 1;

-- VideoRepository.hostsByProfile
SELECT 1 AS "row_exists" FROM (SELECT 1 AS dummy_column) "dummy_table" WHERE EXISTS (SELECT 1 FROM "session_speakers" "ss" INNER JOIN "speakers" "sp" ON "sp"."id"="ss"."speaker_id" WHERE "ss"."session_id" = $1 AND "sp"."user_id" = $2 AND "ss"."part" = 'host') LIMIT 1;

-- VideoRepository.hasConfirmedSeat
SELECT 1 AS "row_exists" FROM (SELECT 1 AS dummy_column) "dummy_table" WHERE EXISTS (SELECT 1 FROM "workshop_registrations" "WorkshopRegistration" WHERE (("WorkshopRegistration"."session_id" = $1) AND ("WorkshopRegistration"."user_id" = $2) AND ("WorkshopRegistration"."status" = $3))) LIMIT 1;

-- VideoRepository.inConversation
SELECT 1 AS "row_exists" FROM (SELECT 1 AS dummy_column) "dummy_table" WHERE EXISTS (SELECT 1 FROM "booth_conversations" "BoothConversation" WHERE (("BoothConversation"."booth_id" = $1) AND ("BoothConversation"."visitor_id" = $2) AND ("BoothConversation"."state" = $3))) LIMIT 1;

-- VideoRepository.liveSpeakers
SELECT "l"."user_id" AS "userId", "u"."display_name" AS "displayName", "l"."created_at" AS since FROM "live_speakers" "l" INNER JOIN "users" "u" ON "u"."id"="l"."user_id" WHERE "l"."session_id" = $1 ORDER BY "l"."created_at" ASC;

-- VideoRepository.takeLive
INSERT INTO "live_speakers" AS "LiveSpeaker"("session_id", "user_id", "event_id", "taken_live_by_id", "created_at") VALUES ($1, $2, $3, $4, DEFAULT) ON CONFLICT DO NOTHING  RETURNING session_id;

-- VideoRepository.takeOff
DELETE FROM "live_speakers" WHERE ("session_id" = $1 AND "user_id" = $2);

-- VideoRepository.sessionsNeedingRooms
SELECT "Session"."id" AS "Session_id", "Session"."guid" AS "Session_guid", "Session"."number" AS "Session_number", "Session"."sequence" AS "Session_sequence", "Session"."event_id" AS "Session_event_id", "Session"."stage_id" AS "Session_stage_id", "Session"."track_id" AS "Session_track_id", "Session"."kind" AS "Session_kind", "Session"."title" AS "Session_title", "Session"."abstract" AS "Session_abstract", "Session"."starts_at" AS "Session_starts_at", "Session"."ends_at" AS "Session_ends_at", "Session"."state" AS "Session_state", "Session"."capacity" AS "Session_capacity", "Session"."stream_url" AS "Session_stream_url", "Session"."language" AS "Session_language", "Session"."created_at" AS "Session_created_at", "Session"."updated_at" AS "Session_updated_at" FROM "sessions" "Session" WHERE (((("Session"."state" = $1) AND (NOT("Session"."kind" IN ($2, $3))) AND ("Session"."starts_at" <= $4) AND ("Session"."ends_at" > $5))) OR ((("Session"."state" = $6) AND (NOT("Session"."kind" IN ($7, $8)))))) ORDER BY "Session"."starts_at" ASC;
