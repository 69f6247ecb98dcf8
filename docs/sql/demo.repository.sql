-- DemoRepository.lockSeed
SELECT pg_advisory_xact_lock($1);

-- DemoRepository.anyEvent
SELECT 1 AS "row_exists" FROM (SELECT 1 AS dummy_column) "dummy_table" WHERE EXISTS (SELECT 1 FROM "events" "Event") LIMIT 1;

-- DemoRepository.eventExists
SELECT 1 AS "row_exists" FROM (SELECT 1 AS dummy_column) "dummy_table" WHERE EXISTS (SELECT 1 FROM "events" "Event" WHERE (("Event"."slug" = $1))) LIMIT 1;

-- DemoRepository.insertEvent
INSERT INTO "events"("id", "slug", "title", "description", "time_zone", "starts_on", "ends_on", "default_locale", "media_access", "logo", "logo_content_type", "created_at", "updated_at") VALUES (DEFAULT, $1, $2, DEFAULT, $3, $4, $5, DEFAULT, DEFAULT, DEFAULT, DEFAULT, DEFAULT, DEFAULT) RETURNING "id", "description", "default_locale", "media_access", "created_at", "updated_at";

-- DemoRepository.insertStages
INSERT INTO "stages"("id", "event_id", "name", "guid", "position") VALUES (DEFAULT, $1, $2, DEFAULT, $3) RETURNING "id", "guid", "position";

-- DemoRepository.insertTracks
INSERT INTO "tracks"("id", "event_id", "name", "color") VALUES (DEFAULT, $1, $2, $3) RETURNING "id", "color";

-- DemoRepository.insertUsers
INSERT INTO "users" AS "User"("id", "email", "display_name", "password_hash", "locale", "is_platform_admin", "disabled_at", "created_at", "updated_at") VALUES (DEFAULT, $1, $2, $3, DEFAULT, DEFAULT, DEFAULT, DEFAULT, DEFAULT) ON CONFLICT DO NOTHING  RETURNING "id", "locale", "is_platform_admin", "created_at", "updated_at";

-- DemoRepository.usersByEmail
SELECT "User"."id" AS "User_id", "User"."email" AS "User_email" FROM "users" "User" WHERE (("User"."email" IN ($1)));

-- DemoRepository.insertSpeakers
INSERT INTO "speakers"("id", "guid", "event_id", "user_id", "name", "title", "organisation", "biography", "photo_url", "links") VALUES (DEFAULT, DEFAULT, $1, DEFAULT, $2, DEFAULT, DEFAULT, DEFAULT, DEFAULT, DEFAULT) RETURNING "id", "guid", "title", "organisation", "biography", "links";

-- DemoRepository.insertSessions
INSERT INTO "sessions"("id", "guid", "sequence", "event_id", "stage_id", "track_id", "kind", "title", "abstract", "starts_at", "ends_at", "state", "capacity", "stream_url", "language", "created_at", "updated_at") VALUES (DEFAULT, DEFAULT, DEFAULT, $1, DEFAULT, DEFAULT, $2, $3, DEFAULT, $4, $5, DEFAULT, DEFAULT, DEFAULT, DEFAULT, DEFAULT, DEFAULT) RETURNING "id", "guid", "number", "sequence", "abstract", "state", "created_at", "updated_at";

-- DemoRepository.updateSession
UPDATE "sessions" SET "state" = $1, "sequence" = $2, "updated_at" = CURRENT_TIMESTAMP WHERE "id" IN ($3);

-- DemoRepository.insertSessionSpeakers
INSERT INTO "session_speakers"("session_id", "speaker_id", "part", "position") VALUES ($1, $2, $3, $4) RETURNING "part", "position";

-- DemoRepository.insertBooths
INSERT INTO "booths"("id", "event_id", "slug", "organisation", "tagline", "description", "tier", "topics", "position", "links", "opening_hours", "logo_key", "logo_content_type", "banner_key", "banner_content_type", "created_at", "updated_at") VALUES (DEFAULT, $1, $2, $3, DEFAULT, DEFAULT, DEFAULT, DEFAULT, $4, DEFAULT, DEFAULT, DEFAULT, DEFAULT, DEFAULT, DEFAULT, DEFAULT, DEFAULT) RETURNING "id", "tagline", "description", "tier", "topics", "position", "links", "opening_hours", "created_at", "updated_at";

-- DemoRepository.setBoothLogo
UPDATE "booths" SET "logo_key" = $1, "logo_content_type" = $2, "updated_at" = CURRENT_TIMESTAMP WHERE "id" IN ($3);

-- DemoRepository.insertBoothDocuments
INSERT INTO "booth_documents"("id", "booth_id", "title", "file_name", "content_type", "bytes", "storage_key", "created_at") VALUES (DEFAULT, $1, $2, $3, $4, $5, $6, DEFAULT) RETURNING "id", "created_at";

-- DemoRepository.insertMemberships
INSERT INTO "memberships"("id", "event_id", "user_id", "role", "session_id", "booth_id", "scope", "created_at") VALUES (DEFAULT, $1, $2, $3, DEFAULT, DEFAULT, $4, DEFAULT) RETURNING "id", "scope", "created_at";

-- DemoRepository.insertWorkshopRegistration
INSERT INTO "workshop_registrations"("id", "session_id", "user_id", "event_id", "status", "confirmed_at", "cancelled_at", "created_at", "updated_at") VALUES (DEFAULT, $1, $2, $3, $4, $5, DEFAULT, DEFAULT, DEFAULT) RETURNING "id", "arrival", "created_at", "updated_at";

-- DemoRepository.insertAgendaItems
INSERT INTO "agenda_items"("user_id", "session_id", "event_id", "created_at") VALUES ($1, $2, $3, DEFAULT) RETURNING "created_at";
