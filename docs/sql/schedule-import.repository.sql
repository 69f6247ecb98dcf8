-- ScheduleImportRepository.lockEvent
SELECT id FROM events WHERE id = $1 FOR UPDATE;

-- ScheduleImportRepository.stagesOf
SELECT "Stage"."id" AS "Stage_id", "Stage"."event_id" AS "Stage_event_id", "Stage"."name" AS "Stage_name", "Stage"."guid" AS "Stage_guid", "Stage"."position" AS "Stage_position" FROM "stages" "Stage" WHERE (("Stage"."event_id" = $1));

-- ScheduleImportRepository.insertStage
INSERT INTO "stages"("id", "event_id", "name", "guid", "position") VALUES (DEFAULT, $1, $2, DEFAULT, $3) RETURNING "id", "guid", "position";

-- ScheduleImportRepository.tracksOf
SELECT "Track"."id" AS "Track_id", "Track"."event_id" AS "Track_event_id", "Track"."name" AS "Track_name", "Track"."color" AS "Track_color" FROM "tracks" "Track" WHERE (("Track"."event_id" = $1));

-- ScheduleImportRepository.insertTrack
INSERT INTO "tracks"("id", "event_id", "name", "color") VALUES (DEFAULT, $1, $2, $3) RETURNING "id", "color";

-- ScheduleImportRepository.speakersByGuid
SELECT "Speaker"."id" AS "Speaker_id", "Speaker"."guid" AS "Speaker_guid", "Speaker"."event_id" AS "Speaker_event_id", "Speaker"."user_id" AS "Speaker_user_id", "Speaker"."name" AS "Speaker_name", "Speaker"."title" AS "Speaker_title", "Speaker"."organisation" AS "Speaker_organisation", "Speaker"."biography" AS "Speaker_biography", "Speaker"."photo_url" AS "Speaker_photo_url", "Speaker"."links" AS "Speaker_links" FROM "speakers" "Speaker" WHERE (("Speaker"."event_id" = $1) AND ("Speaker"."guid" IN ($2)));

-- ScheduleImportRepository.insertSpeaker
INSERT INTO "speakers"("id", "guid", "event_id", "user_id", "name", "title", "organisation", "biography", "photo_url", "links") VALUES (DEFAULT, $1, $2, DEFAULT, $3, DEFAULT, DEFAULT, $4, DEFAULT, DEFAULT) RETURNING "id", "guid", "title", "organisation", "biography", "links";

-- ScheduleImportRepository.updateSpeaker
UPDATE "speakers" SET "name" = $1, "biography" = $2 WHERE "id" IN ($3);

-- ScheduleImportRepository.sessionsByGuid
SELECT "Session"."id" AS "Session_id", "Session"."guid" AS "Session_guid", "Session"."number" AS "Session_number", "Session"."sequence" AS "Session_sequence", "Session"."event_id" AS "Session_event_id", "Session"."stage_id" AS "Session_stage_id", "Session"."track_id" AS "Session_track_id", "Session"."kind" AS "Session_kind", "Session"."title" AS "Session_title", "Session"."abstract" AS "Session_abstract", "Session"."starts_at" AS "Session_starts_at", "Session"."ends_at" AS "Session_ends_at", "Session"."state" AS "Session_state", "Session"."capacity" AS "Session_capacity", "Session"."stream_url" AS "Session_stream_url", "Session"."language" AS "Session_language", "Session"."created_at" AS "Session_created_at", "Session"."updated_at" AS "Session_updated_at" FROM "sessions" "Session" WHERE (("Session"."event_id" = $1) AND ("Session"."guid" IN ($2)));

-- ScheduleImportRepository.speakerLinksOf
SELECT "SessionSpeaker"."session_id" AS "SessionSpeaker_session_id", "SessionSpeaker"."speaker_id" AS "SessionSpeaker_speaker_id", "SessionSpeaker"."part" AS "SessionSpeaker_part", "SessionSpeaker"."position" AS "SessionSpeaker_position" FROM "session_speakers" "SessionSpeaker" WHERE (("SessionSpeaker"."session_id" IN ($1))) ORDER BY "SessionSpeaker"."position" ASC;
