-- CatalogueRepository.stageOf
SELECT "Stage"."id" AS "Stage_id", "Stage"."event_id" AS "Stage_event_id", "Stage"."name" AS "Stage_name", "Stage"."guid" AS "Stage_guid", "Stage"."position" AS "Stage_position" FROM "stages" "Stage" WHERE (("Stage"."event_id" = $1) AND ("Stage"."id" = $2)) LIMIT 1;

-- CatalogueRepository.stageNamed
SELECT "Stage"."id" AS "Stage_id", "Stage"."event_id" AS "Stage_event_id", "Stage"."name" AS "Stage_name", "Stage"."guid" AS "Stage_guid", "Stage"."position" AS "Stage_position" FROM "stages" "Stage" WHERE (("Stage"."event_id" = $1) AND ("Stage"."name" = $2)) LIMIT 1;

-- CatalogueRepository.insertStage
INSERT INTO "stages"("id", "event_id", "name", "guid", "position") VALUES (DEFAULT, $1, $2, DEFAULT, $3) RETURNING "id", "guid", "position";

-- CatalogueRepository.updateStage
UPDATE "stages" SET "name" = $1 WHERE "id" IN ($2);

-- CatalogueRepository.getStage
SELECT "Stage"."id" AS "Stage_id", "Stage"."event_id" AS "Stage_event_id", "Stage"."name" AS "Stage_name", "Stage"."guid" AS "Stage_guid", "Stage"."position" AS "Stage_position" FROM "stages" "Stage" WHERE (("Stage"."id" = $1)) LIMIT 1;

-- CatalogueRepository.deleteStage
DELETE FROM "stages" WHERE "id" IN ($1);

-- CatalogueRepository.trackOf
SELECT "Track"."id" AS "Track_id", "Track"."event_id" AS "Track_event_id", "Track"."name" AS "Track_name", "Track"."color" AS "Track_color" FROM "tracks" "Track" WHERE (("Track"."event_id" = $1) AND ("Track"."id" = $2)) LIMIT 1;

-- CatalogueRepository.trackNamed
SELECT "Track"."id" AS "Track_id", "Track"."event_id" AS "Track_event_id", "Track"."name" AS "Track_name", "Track"."color" AS "Track_color" FROM "tracks" "Track" WHERE (("Track"."event_id" = $1) AND ("Track"."name" = $2)) LIMIT 1;

-- CatalogueRepository.insertTrack
INSERT INTO "tracks"("id", "event_id", "name", "color") VALUES (DEFAULT, $1, $2, $3) RETURNING "id", "color";

-- CatalogueRepository.updateTrack
UPDATE "tracks" SET "color" = $1 WHERE "id" IN ($2);

-- CatalogueRepository.getTrack
SELECT "Track"."id" AS "Track_id", "Track"."event_id" AS "Track_event_id", "Track"."name" AS "Track_name", "Track"."color" AS "Track_color" FROM "tracks" "Track" WHERE (("Track"."id" = $1)) LIMIT 1;

-- CatalogueRepository.deleteTrack
DELETE FROM "tracks" WHERE "id" IN ($1);

-- CatalogueRepository.speakerOf
SELECT "Speaker"."id" AS "Speaker_id", "Speaker"."guid" AS "Speaker_guid", "Speaker"."event_id" AS "Speaker_event_id", "Speaker"."user_id" AS "Speaker_user_id", "Speaker"."name" AS "Speaker_name", "Speaker"."title" AS "Speaker_title", "Speaker"."organisation" AS "Speaker_organisation", "Speaker"."biography" AS "Speaker_biography", "Speaker"."photo_url" AS "Speaker_photo_url", "Speaker"."links" AS "Speaker_links" FROM "speakers" "Speaker" WHERE (("Speaker"."event_id" = $1) AND ("Speaker"."id" = $2)) LIMIT 1;

-- CatalogueRepository.insertSpeaker
INSERT INTO "speakers"("id", "guid", "event_id", "user_id", "name", "title", "organisation", "biography", "photo_url", "links") VALUES (DEFAULT, DEFAULT, $1, DEFAULT, $2, $3, $4, $5, $6, $7) RETURNING "id", "guid", "title", "organisation", "biography", "links";

-- CatalogueRepository.updateSpeaker
UPDATE "speakers" SET "biography" = $1 WHERE "id" IN ($2);

-- CatalogueRepository.getSpeaker
SELECT "Speaker"."id" AS "Speaker_id", "Speaker"."guid" AS "Speaker_guid", "Speaker"."event_id" AS "Speaker_event_id", "Speaker"."user_id" AS "Speaker_user_id", "Speaker"."name" AS "Speaker_name", "Speaker"."title" AS "Speaker_title", "Speaker"."organisation" AS "Speaker_organisation", "Speaker"."biography" AS "Speaker_biography", "Speaker"."photo_url" AS "Speaker_photo_url", "Speaker"."links" AS "Speaker_links" FROM "speakers" "Speaker" WHERE (("Speaker"."id" = $1)) LIMIT 1;

-- CatalogueRepository.deleteSpeaker
DELETE FROM "speakers" WHERE "id" IN ($1);
