-- AgendaRepository.itemsOf
SELECT "AgendaItem"."user_id" AS "AgendaItem_user_id", "AgendaItem"."session_id" AS "AgendaItem_session_id", "AgendaItem"."event_id" AS "AgendaItem_event_id", "AgendaItem"."created_at" AS "AgendaItem_created_at" FROM "agenda_items" "AgendaItem" WHERE (("AgendaItem"."user_id" = $1) AND ("AgendaItem"."event_id" = $2));

-- AgendaRepository.addItem
INSERT INTO "agenda_items" AS "AgendaItem"("user_id", "session_id", "event_id", "created_at") VALUES ($1, $2, $3, DEFAULT) ON CONFLICT DO NOTHING  RETURNING "created_at";

-- AgendaRepository.removeItem
DELETE FROM "agenda_items" WHERE ("user_id" = $1 AND "session_id" = $2 AND "event_id" = $3);

-- AgendaRepository.activeFeed
SELECT "CalendarFeed"."id" AS "CalendarFeed_id", "CalendarFeed"."user_id" AS "CalendarFeed_user_id", "CalendarFeed"."event_id" AS "CalendarFeed_event_id", "CalendarFeed"."token_hash" AS "CalendarFeed_token_hash", "CalendarFeed"."revoked_at" AS "CalendarFeed_revoked_at", "CalendarFeed"."created_at" AS "CalendarFeed_created_at" FROM "calendar_feeds" "CalendarFeed" WHERE (("CalendarFeed"."user_id" = $1) AND ("CalendarFeed"."event_id" = $2) AND ("CalendarFeed"."revoked_at" IS NULL)) ORDER BY "CalendarFeed"."created_at" DESC LIMIT 1;

-- AgendaRepository.insertFeed
INSERT INTO "calendar_feeds"("id", "user_id", "event_id", "token_hash", "revoked_at", "created_at") VALUES (DEFAULT, $1, $2, $3, $4, DEFAULT) RETURNING "id", "created_at";

-- AgendaRepository.revokeFeeds
UPDATE "calendar_feeds" SET "revoked_at" = $1 WHERE ("user_id" = $2 AND "event_id" = $3 AND "revoked_at" IS NULL);

-- AgendaRepository.feedByTokenHash
SELECT "CalendarFeed"."id" AS "CalendarFeed_id", "CalendarFeed"."user_id" AS "CalendarFeed_user_id", "CalendarFeed"."event_id" AS "CalendarFeed_event_id", "CalendarFeed"."token_hash" AS "CalendarFeed_token_hash", "CalendarFeed"."revoked_at" AS "CalendarFeed_revoked_at", "CalendarFeed"."created_at" AS "CalendarFeed_created_at" FROM "calendar_feeds" "CalendarFeed" WHERE (("CalendarFeed"."token_hash" = $1) AND ("CalendarFeed"."revoked_at" IS NULL)) LIMIT 1;
