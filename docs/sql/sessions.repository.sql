-- SessionsRepository.getSession
SELECT "Session"."id" AS "Session_id", "Session"."guid" AS "Session_guid", "Session"."number" AS "Session_number", "Session"."sequence" AS "Session_sequence", "Session"."event_id" AS "Session_event_id", "Session"."stage_id" AS "Session_stage_id", "Session"."track_id" AS "Session_track_id", "Session"."kind" AS "Session_kind", "Session"."title" AS "Session_title", "Session"."abstract" AS "Session_abstract", "Session"."starts_at" AS "Session_starts_at", "Session"."ends_at" AS "Session_ends_at", "Session"."state" AS "Session_state", "Session"."capacity" AS "Session_capacity", "Session"."stream_url" AS "Session_stream_url", "Session"."language" AS "Session_language", "Session"."created_at" AS "Session_created_at", "Session"."updated_at" AS "Session_updated_at" FROM "sessions" "Session" WHERE (("Session"."id" = $1)) LIMIT 1;

-- SessionsRepository.lockSession
SELECT "s"."id" AS "s_id", "s"."guid" AS "s_guid", "s"."number" AS "s_number", "s"."sequence" AS "s_sequence", "s"."event_id" AS "s_event_id", "s"."stage_id" AS "s_stage_id", "s"."track_id" AS "s_track_id", "s"."kind" AS "s_kind", "s"."title" AS "s_title", "s"."abstract" AS "s_abstract", "s"."starts_at" AS "s_starts_at", "s"."ends_at" AS "s_ends_at", "s"."state" AS "s_state", "s"."capacity" AS "s_capacity", "s"."stream_url" AS "s_stream_url", "s"."language" AS "s_language", "s"."created_at" AS "s_created_at", "s"."updated_at" AS "s_updated_at" FROM "sessions" "s" WHERE "s"."id" = $1 AND "s"."event_id" = $2 FOR UPDATE;

-- SessionsRepository.lockStage
SELECT "st"."id" AS "st_id", "st"."event_id" AS "st_event_id", "st"."name" AS "st_name", "st"."guid" AS "st_guid", "st"."position" AS "st_position" FROM "stages" "st" WHERE "st"."id" = $1 FOR UPDATE;

-- SessionsRepository.firstOverlap (new)
SELECT "s"."id" AS "s_id", "s"."guid" AS "s_guid", "s"."number" AS "s_number", "s"."sequence" AS "s_sequence", "s"."event_id" AS "s_event_id", "s"."stage_id" AS "s_stage_id", "s"."track_id" AS "s_track_id", "s"."kind" AS "s_kind", "s"."title" AS "s_title", "s"."abstract" AS "s_abstract", "s"."starts_at" AS "s_starts_at", "s"."ends_at" AS "s_ends_at", "s"."state" AS "s_state", "s"."capacity" AS "s_capacity", "s"."stream_url" AS "s_stream_url", "s"."language" AS "s_language", "s"."created_at" AS "s_created_at", "s"."updated_at" AS "s_updated_at" FROM "sessions" "s" WHERE "s"."stage_id" = $1 AND "s"."state" <> 'cancelled' AND "s"."starts_at" < $2 AND "s"."ends_at" > $3 ORDER BY "s"."starts_at" ASC;

-- SessionsRepository.firstOverlap (moved)
SELECT "s"."id" AS "s_id", "s"."guid" AS "s_guid", "s"."number" AS "s_number", "s"."sequence" AS "s_sequence", "s"."event_id" AS "s_event_id", "s"."stage_id" AS "s_stage_id", "s"."track_id" AS "s_track_id", "s"."kind" AS "s_kind", "s"."title" AS "s_title", "s"."abstract" AS "s_abstract", "s"."starts_at" AS "s_starts_at", "s"."ends_at" AS "s_ends_at", "s"."state" AS "s_state", "s"."capacity" AS "s_capacity", "s"."stream_url" AS "s_stream_url", "s"."language" AS "s_language", "s"."created_at" AS "s_created_at", "s"."updated_at" AS "s_updated_at" FROM "sessions" "s" WHERE "s"."stage_id" = $1 AND "s"."state" <> 'cancelled' AND "s"."starts_at" < $2 AND "s"."ends_at" > $3 AND "s"."id" <> $4 ORDER BY "s"."starts_at" ASC;

-- SessionsRepository.stageInEvent
SELECT 1 AS "row_exists" FROM (SELECT 1 AS dummy_column) "dummy_table" WHERE EXISTS (SELECT 1 FROM "stages" "Stage" WHERE (("Stage"."id" = $1) AND ("Stage"."event_id" = $2))) LIMIT 1;

-- SessionsRepository.trackInEvent
SELECT 1 AS "row_exists" FROM (SELECT 1 AS dummy_column) "dummy_table" WHERE EXISTS (SELECT 1 FROM "tracks" "Track" WHERE (("Track"."id" = $1) AND ("Track"."event_id" = $2))) LIMIT 1;

-- SessionsRepository.countSpeakersInEvent
SELECT COUNT(1) AS "cnt" FROM "speakers" "Speaker" WHERE (("Speaker"."id" IN ($1)) AND ("Speaker"."event_id" = $2));

-- SessionsRepository.insertSession
INSERT INTO "sessions"("id", "guid", "sequence", "event_id", "stage_id", "track_id", "kind", "title", "abstract", "starts_at", "ends_at", "state", "capacity", "stream_url", "language", "created_at", "updated_at") VALUES (DEFAULT, DEFAULT, DEFAULT, $1, $2, $3, $4, $5, $6, $7, $8, DEFAULT, DEFAULT, DEFAULT, DEFAULT, DEFAULT, DEFAULT) RETURNING "id", "guid", "number", "sequence", "abstract", "state", "created_at", "updated_at";

-- SessionsRepository.updateSession
UPDATE "sessions" SET "title" = $1, "sequence" = $2, "updated_at" = CURRENT_TIMESTAMP WHERE "id" IN ($3);

-- SessionsRepository.replaceSpeakers
DELETE FROM "session_speakers" WHERE "session_id" = $1;
INSERT INTO "session_speakers"("session_id", "speaker_id", "part", "position") VALUES ($1, $2, $3, $4) RETURNING "part", "position";

-- SessionsRepository.speakersOf
SELECT "SessionSpeaker"."session_id" AS "SessionSpeaker_session_id", "SessionSpeaker"."speaker_id" AS "SessionSpeaker_speaker_id", "SessionSpeaker"."part" AS "SessionSpeaker_part", "SessionSpeaker"."position" AS "SessionSpeaker_position", "SessionSpeaker__SessionSpeaker_speaker"."id" AS "SessionSpeaker__SessionSpeaker_speaker_id", "SessionSpeaker__SessionSpeaker_speaker"."guid" AS "SessionSpeaker__SessionSpeaker_speaker_guid", "SessionSpeaker__SessionSpeaker_speaker"."event_id" AS "SessionSpeaker__SessionSpeaker_speaker_event_id", "SessionSpeaker__SessionSpeaker_speaker"."user_id" AS "SessionSpeaker__SessionSpeaker_speaker_user_id", "SessionSpeaker__SessionSpeaker_speaker"."name" AS "SessionSpeaker__SessionSpeaker_speaker_name", "SessionSpeaker__SessionSpeaker_speaker"."title" AS "SessionSpeaker__SessionSpeaker_speaker_title", "SessionSpeaker__SessionSpeaker_speaker"."organisation" AS "SessionSpeaker__SessionSpeaker_speaker_organisation", "SessionSpeaker__SessionSpeaker_speaker"."biography" AS "SessionSpeaker__SessionSpeaker_speaker_biography", "SessionSpeaker__SessionSpeaker_speaker"."photo_url" AS "SessionSpeaker__SessionSpeaker_speaker_photo_url", "SessionSpeaker__SessionSpeaker_speaker"."links" AS "SessionSpeaker__SessionSpeaker_speaker_links" FROM "session_speakers" "SessionSpeaker" LEFT JOIN "speakers" "SessionSpeaker__SessionSpeaker_speaker" ON "SessionSpeaker__SessionSpeaker_speaker"."id"="SessionSpeaker"."speaker_id" WHERE (("SessionSpeaker"."session_id" = $1)) ORDER BY "SessionSpeaker"."position" ASC;

-- SessionsRepository.speakerClashes
SELECT "ss"."session_id" AS "ss_session_id", "ss"."speaker_id" AS "ss_speaker_id", "ss"."part" AS "ss_part", "ss"."position" AS "ss_position", "s"."id" AS "s_id", "s"."guid" AS "s_guid", "s"."number" AS "s_number", "s"."sequence" AS "s_sequence", "s"."event_id" AS "s_event_id", "s"."stage_id" AS "s_stage_id", "s"."track_id" AS "s_track_id", "s"."kind" AS "s_kind", "s"."title" AS "s_title", "s"."abstract" AS "s_abstract", "s"."starts_at" AS "s_starts_at", "s"."ends_at" AS "s_ends_at", "s"."state" AS "s_state", "s"."capacity" AS "s_capacity", "s"."stream_url" AS "s_stream_url", "s"."language" AS "s_language", "s"."created_at" AS "s_created_at", "s"."updated_at" AS "s_updated_at" FROM "session_speakers" "ss" INNER JOIN "sessions" "s" ON "s"."id"="ss"."session_id" WHERE "ss"."speaker_id" IN ($1) AND "s"."id" <> $2 AND "s"."event_id" = $3 AND "s"."state" <> 'cancelled' AND "s"."starts_at" < $4 AND "s"."ends_at" > $5 ORDER BY "s"."starts_at" ASC;
