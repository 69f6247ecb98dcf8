-- BoothsRepository.list
SELECT "Booth"."id" AS "Booth_id", "Booth"."event_id" AS "Booth_event_id", "Booth"."slug" AS "Booth_slug", "Booth"."organisation" AS "Booth_organisation", "Booth"."tagline" AS "Booth_tagline", "Booth"."description" AS "Booth_description", "Booth"."tier" AS "Booth_tier", "Booth"."topics" AS "Booth_topics", "Booth"."position" AS "Booth_position", "Booth"."links" AS "Booth_links", "Booth"."opening_hours" AS "Booth_opening_hours", "Booth"."logo_key" AS "Booth_logo_key", "Booth"."logo_content_type" AS "Booth_logo_content_type", "Booth"."banner_key" AS "Booth_banner_key", "Booth"."banner_content_type" AS "Booth_banner_content_type", "Booth"."created_at" AS "Booth_created_at", "Booth"."updated_at" AS "Booth_updated_at" FROM "booths" "Booth" WHERE (("Booth"."event_id" = $1)) ORDER BY "Booth"."position" ASC, "Booth"."organisation" ASC;

-- BoothsRepository.insert
INSERT INTO booths (event_id, slug, organisation, tagline, tier, position)
       SELECT $1, $2, $3, $4, $5, COALESCE(MAX(position) + 1, 0) FROM booths WHERE event_id = $1
       ON CONFLICT (event_id, slug) DO NOTHING
       RETURNING id;

-- BoothsRepository.lock
SELECT "b"."id" AS "b_id", "b"."event_id" AS "b_event_id", "b"."slug" AS "b_slug", "b"."organisation" AS "b_organisation", "b"."tagline" AS "b_tagline", "b"."description" AS "b_description", "b"."tier" AS "b_tier", "b"."topics" AS "b_topics", "b"."position" AS "b_position", "b"."links" AS "b_links", "b"."opening_hours" AS "b_opening_hours", "b"."logo_key" AS "b_logo_key", "b"."logo_content_type" AS "b_logo_content_type", "b"."banner_key" AS "b_banner_key", "b"."banner_content_type" AS "b_banner_content_type", "b"."created_at" AS "b_created_at", "b"."updated_at" AS "b_updated_at" FROM "booths" "b" WHERE "b"."id" = $1 FOR UPDATE;

-- BoothsRepository.leadCount
SELECT COUNT(1) AS "cnt" FROM "leads" "Lead" WHERE (("Lead"."booth_id" = $1));

-- BoothsRepository.staffIds
SELECT DISTINCT "m"."user_id" AS "userId" FROM "memberships" "m" WHERE "m"."booth_id" = $1;

-- BoothsRepository.documentKeys
SELECT "BoothDocument"."storage_key" AS "BoothDocument_storage_key", "BoothDocument"."id" AS "BoothDocument_id" FROM "booth_documents" "BoothDocument" WHERE (("BoothDocument"."booth_id" = $1));

-- BoothsRepository.remove
DELETE FROM "chat_rooms" WHERE "room" = $1;
DELETE FROM "booths" WHERE "id" = $1;

-- BoothsRepository.getById
SELECT "Booth"."id" AS "Booth_id", "Booth"."event_id" AS "Booth_event_id", "Booth"."slug" AS "Booth_slug", "Booth"."organisation" AS "Booth_organisation", "Booth"."tagline" AS "Booth_tagline", "Booth"."description" AS "Booth_description", "Booth"."tier" AS "Booth_tier", "Booth"."topics" AS "Booth_topics", "Booth"."position" AS "Booth_position", "Booth"."links" AS "Booth_links", "Booth"."opening_hours" AS "Booth_opening_hours", "Booth"."logo_key" AS "Booth_logo_key", "Booth"."logo_content_type" AS "Booth_logo_content_type", "Booth"."banner_key" AS "Booth_banner_key", "Booth"."banner_content_type" AS "Booth_banner_content_type", "Booth"."created_at" AS "Booth_created_at", "Booth"."updated_at" AS "Booth_updated_at" FROM "booths" "Booth" WHERE (("Booth"."id" = $1)) LIMIT 1;

-- BoothsRepository.update
UPDATE "booths" SET "tagline" = $1, "updated_at" = CURRENT_TIMESTAMP WHERE "id" IN ($2);

-- BoothsRepository.image
SELECT "b"."logo_key" AS "logoKey", "b"."logo_content_type" AS "logoContentType", "b"."banner_key" AS "bannerKey", "b"."banner_content_type" AS "bannerContentType" FROM "booths" "b" INNER JOIN "events" "e" ON "e"."id"="b"."event_id" WHERE "e"."slug" = $1 AND "b"."id" = $2;

-- BoothsRepository.documentsOf
SELECT "BoothDocument"."id" AS "BoothDocument_id", "BoothDocument"."booth_id" AS "BoothDocument_booth_id", "BoothDocument"."title" AS "BoothDocument_title", "BoothDocument"."file_name" AS "BoothDocument_file_name", "BoothDocument"."content_type" AS "BoothDocument_content_type", "BoothDocument"."bytes" AS "BoothDocument_bytes", "BoothDocument"."storage_key" AS "BoothDocument_storage_key", "BoothDocument"."created_at" AS "BoothDocument_created_at" FROM "booth_documents" "BoothDocument" WHERE (("BoothDocument"."booth_id" = $1)) ORDER BY "BoothDocument"."created_at" ASC;

-- BoothsRepository.document
SELECT "BoothDocument"."id" AS "BoothDocument_id", "BoothDocument"."booth_id" AS "BoothDocument_booth_id", "BoothDocument"."title" AS "BoothDocument_title", "BoothDocument"."file_name" AS "BoothDocument_file_name", "BoothDocument"."content_type" AS "BoothDocument_content_type", "BoothDocument"."bytes" AS "BoothDocument_bytes", "BoothDocument"."storage_key" AS "BoothDocument_storage_key", "BoothDocument"."created_at" AS "BoothDocument_created_at" FROM "booth_documents" "BoothDocument" WHERE (("BoothDocument"."id" = $1) AND ("BoothDocument"."booth_id" = $2)) LIMIT 1;

-- BoothsRepository.addDocument
INSERT INTO "booth_documents"("id", "booth_id", "title", "file_name", "content_type", "bytes", "storage_key", "created_at") VALUES (DEFAULT, $1, $2, $3, $4, $5, $6, DEFAULT) RETURNING "id", "created_at";

-- BoothsRepository.renameDocument
UPDATE "booth_documents" SET "title" = $1 WHERE "id" IN ($2);

-- BoothsRepository.removeDocument
DELETE FROM "booth_documents" WHERE "id" = $1;
