-- EventsRepository.findBySlug
SELECT "Event"."id" AS "Event_id", "Event"."slug" AS "Event_slug", "Event"."title" AS "Event_title", "Event"."description" AS "Event_description", "Event"."time_zone" AS "Event_time_zone", "Event"."starts_on" AS "Event_starts_on", "Event"."ends_on" AS "Event_ends_on", "Event"."default_locale" AS "Event_default_locale", "Event"."media_access" AS "Event_media_access", "Event"."logo_content_type" AS "Event_logo_content_type", "Event"."created_at" AS "Event_created_at", "Event"."updated_at" AS "Event_updated_at" FROM "events" "Event" WHERE (("Event"."slug" = $1)) LIMIT 1;

-- EventsRepository.getById
SELECT "Event"."id" AS "Event_id", "Event"."slug" AS "Event_slug", "Event"."title" AS "Event_title", "Event"."description" AS "Event_description", "Event"."time_zone" AS "Event_time_zone", "Event"."starts_on" AS "Event_starts_on", "Event"."ends_on" AS "Event_ends_on", "Event"."default_locale" AS "Event_default_locale", "Event"."media_access" AS "Event_media_access", "Event"."logo_content_type" AS "Event_logo_content_type", "Event"."created_at" AS "Event_created_at", "Event"."updated_at" AS "Event_updated_at" FROM "events" "Event" WHERE (("Event"."id" = $1)) LIMIT 1;

-- EventsRepository.insert
INSERT INTO "events" AS "Event"("id", "slug", "title", "description", "time_zone", "starts_on", "ends_on", "default_locale", "media_access", "logo", "logo_content_type", "created_at", "updated_at") VALUES (DEFAULT, $1, $2, DEFAULT, $3, $4, $5, DEFAULT, DEFAULT, DEFAULT, DEFAULT, DEFAULT, DEFAULT) ON CONFLICT DO NOTHING  RETURNING id;

-- EventsRepository.addOrganizer
INSERT INTO "memberships"("id", "event_id", "user_id", "role", "session_id", "booth_id", "scope", "created_at") VALUES (DEFAULT, $1, $2, $3, DEFAULT, DEFAULT, $4, DEFAULT) RETURNING "id", "scope", "created_at";

-- EventsRepository.update
UPDATE "events" SET "title" = $1, "updated_at" = CURRENT_TIMESTAMP WHERE "id" IN ($2);

-- EventsRepository.setLogo
UPDATE "events" SET "logo" = $1, "logo_content_type" = $2, "updated_at" = CURRENT_TIMESTAMP WHERE "id" IN ($3);

-- EventsRepository.logo
SELECT "Event"."id" AS "Event_id", "Event"."logo" AS "Event_logo", "Event"."logo_content_type" AS "Event_logo_content_type" FROM "events" "Event" WHERE (("Event"."slug" = $1)) LIMIT 1;

-- EventsRepository.auditLog
SELECT "log"."created_at" AS created_at, "log"."action" AS action, "log"."actor_id" AS actor_id, "actor"."display_name" AS actor_name, "actor"."email" AS actor_email, "log"."target_type" AS target_type, "log"."target_id" AS target_id, "log"."details" AS details FROM "audit_logs" "log" LEFT JOIN "users" "actor" ON "actor"."id" = "log"."actor_id" WHERE "log"."event_id" = $1 ORDER BY "log"."created_at" ASC;
