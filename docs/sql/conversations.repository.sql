-- ConversationsRepository.getById
SELECT "BoothConversation"."id" AS "BoothConversation_id", "BoothConversation"."booth_id" AS "BoothConversation_booth_id", "BoothConversation"."visitor_id" AS "BoothConversation_visitor_id", "BoothConversation"."staff_id" AS "BoothConversation_staff_id", "BoothConversation"."state" AS "BoothConversation_state", "BoothConversation"."queued_at" AS "BoothConversation_queued_at", "BoothConversation"."accepted_at" AS "BoothConversation_accepted_at", "BoothConversation"."ended_at" AS "BoothConversation_ended_at", "BoothConversation"."created_at" AS "BoothConversation_created_at" FROM "booth_conversations" "BoothConversation" WHERE (("BoothConversation"."id" = $1)) LIMIT 1;

-- ConversationsRepository.openOf
SELECT "BoothConversation"."id" AS "BoothConversation_id", "BoothConversation"."booth_id" AS "BoothConversation_booth_id", "BoothConversation"."visitor_id" AS "BoothConversation_visitor_id", "BoothConversation"."staff_id" AS "BoothConversation_staff_id", "BoothConversation"."state" AS "BoothConversation_state", "BoothConversation"."queued_at" AS "BoothConversation_queued_at", "BoothConversation"."accepted_at" AS "BoothConversation_accepted_at", "BoothConversation"."ended_at" AS "BoothConversation_ended_at", "BoothConversation"."created_at" AS "BoothConversation_created_at" FROM "booth_conversations" "BoothConversation" WHERE (("BoothConversation"."booth_id" = $1) AND ("BoothConversation"."visitor_id" = $2) AND ("BoothConversation"."state" IN ($3, $4))) LIMIT 1;

-- ConversationsRepository.enqueue
INSERT INTO "booth_conversations" AS "BoothConversation"("id", "booth_id", "visitor_id", "staff_id", "state", "queued_at", "accepted_at", "ended_at", "created_at") VALUES (DEFAULT, $1, $2, DEFAULT, $3, DEFAULT, DEFAULT, DEFAULT, DEFAULT) ON CONFLICT DO NOTHING  RETURNING "id", "state", "queued_at", "created_at";

-- ConversationsRepository.isTalking
SELECT 1 AS "row_exists" FROM (SELECT 1 AS dummy_column) "dummy_table" WHERE EXISTS (SELECT 1 FROM "booth_conversations" "BoothConversation" WHERE (("BoothConversation"."staff_id" = $1) AND ("BoothConversation"."state" = $2))) LIMIT 1;

-- ConversationsRepository.takeHead
UPDATE booth_conversations SET state = 'active', staff_id = $2, accepted_at = now()
         WHERE id = (
           SELECT id FROM booth_conversations WHERE booth_id = $1 AND state = 'waiting'
           ORDER BY queued_at, id LIMIT 1 FOR UPDATE SKIP LOCKED
         ) AND state = 'waiting'
         RETURNING id;

-- ConversationsRepository.activeAt
SELECT "BoothConversation"."id" AS "BoothConversation_id", "BoothConversation"."booth_id" AS "BoothConversation_booth_id", "BoothConversation"."visitor_id" AS "BoothConversation_visitor_id", "BoothConversation"."staff_id" AS "BoothConversation_staff_id", "BoothConversation"."state" AS "BoothConversation_state", "BoothConversation"."queued_at" AS "BoothConversation_queued_at", "BoothConversation"."accepted_at" AS "BoothConversation_accepted_at", "BoothConversation"."ended_at" AS "BoothConversation_ended_at", "BoothConversation"."created_at" AS "BoothConversation_created_at" FROM "booth_conversations" "BoothConversation" WHERE (("BoothConversation"."id" = $1) AND ("BoothConversation"."booth_id" = $2) AND ("BoothConversation"."state" = $3)) LIMIT 1;

-- ConversationsRepository.openAt
SELECT "BoothConversation"."id" AS "BoothConversation_id", "BoothConversation"."booth_id" AS "BoothConversation_booth_id", "BoothConversation"."visitor_id" AS "BoothConversation_visitor_id", "BoothConversation"."staff_id" AS "BoothConversation_staff_id", "BoothConversation"."state" AS "BoothConversation_state", "BoothConversation"."queued_at" AS "BoothConversation_queued_at", "BoothConversation"."accepted_at" AS "BoothConversation_accepted_at", "BoothConversation"."ended_at" AS "BoothConversation_ended_at", "BoothConversation"."created_at" AS "BoothConversation_created_at" FROM "booth_conversations" "BoothConversation" WHERE (("BoothConversation"."booth_id" = $1) AND ("BoothConversation"."state" IN ($2, $3))) ORDER BY "BoothConversation"."queued_at" ASC, "BoothConversation"."id" ASC;

-- ConversationsRepository.waitingAt
SELECT "BoothConversation"."id" AS "BoothConversation_id", "BoothConversation"."booth_id" AS "BoothConversation_booth_id", "BoothConversation"."visitor_id" AS "BoothConversation_visitor_id", "BoothConversation"."staff_id" AS "BoothConversation_staff_id", "BoothConversation"."state" AS "BoothConversation_state", "BoothConversation"."queued_at" AS "BoothConversation_queued_at", "BoothConversation"."accepted_at" AS "BoothConversation_accepted_at", "BoothConversation"."ended_at" AS "BoothConversation_ended_at", "BoothConversation"."created_at" AS "BoothConversation_created_at" FROM "booth_conversations" "BoothConversation" WHERE (("BoothConversation"."booth_id" = $1) AND ("BoothConversation"."state" = $2)) ORDER BY "BoothConversation"."queued_at" ASC, "BoothConversation"."id" ASC;

-- ConversationsRepository.close
UPDATE "booth_conversations" SET "state" = $1, "ended_at" = $2 WHERE ("id" = $3 AND "state" IN ($4, $5));

-- ConversationsRepository.talking
SELECT "BoothConversation"."staff_id" AS "BoothConversation_staff_id", "BoothConversation"."id" AS "BoothConversation_id" FROM "booth_conversations" "BoothConversation" WHERE (("BoothConversation"."staff_id" IN ($1)) AND ("BoothConversation"."state" = $2));

-- ConversationsRepository.positionOf
SELECT COUNT(1) AS "cnt" FROM "booth_conversations" "c" WHERE "c"."booth_id" = $1 AND "c"."state" = $2 AND ("c"."queued_at", "c"."id") <= (SELECT q.queued_at, q.id FROM booth_conversations q WHERE q.id = $3);

-- ConversationsRepository.visitorName
SELECT "User"."display_name" AS "User_display_name", "User"."id" AS "User_id" FROM "users" "User" WHERE (("User"."id" = $1)) LIMIT 1;
