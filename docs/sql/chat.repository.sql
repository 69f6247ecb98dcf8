-- ChatRepository.insertMessage
WITH next AS (
         INSERT INTO chat_rooms (room, event_id, last_seq) VALUES ($1, $2, 1)
         ON CONFLICT (room) DO UPDATE SET last_seq = chat_rooms.last_seq + 1
         RETURNING last_seq
       )
       INSERT INTO chat_messages (room, event_id, seq, author_id, body)
       SELECT $1, $2, next.last_seq, $3, $4 FROM next
       RETURNING id, seq, created_at;

-- ChatRepository.latest
SELECT m.id, m.room, m.seq, m.author_id, u.display_name AS author_name,
              CASE WHEN m.deleted_at IS NULL THEN m.body ELSE '' END AS body,
              m.created_at, m.deleted_at, m.delete_reason
         FROM chat_messages m
         LEFT JOIN users u ON u.id = m.author_id WHERE m.room = $1 ORDER BY m.seq DESC LIMIT $2;

-- ChatRepository.before
SELECT m.id, m.room, m.seq, m.author_id, u.display_name AS author_name,
              CASE WHEN m.deleted_at IS NULL THEN m.body ELSE '' END AS body,
              m.created_at, m.deleted_at, m.delete_reason
         FROM chat_messages m
         LEFT JOIN users u ON u.id = m.author_id WHERE m.room = $1 AND m.seq < $2 ORDER BY m.seq DESC LIMIT $3;

-- ChatRepository.after
SELECT m.id, m.room, m.seq, m.author_id, u.display_name AS author_name,
              CASE WHEN m.deleted_at IS NULL THEN m.body ELSE '' END AS body,
              m.created_at, m.deleted_at, m.delete_reason
         FROM chat_messages m
         LEFT JOIN users u ON u.id = m.author_id WHERE m.room = $1 AND m.seq > $2 ORDER BY m.seq ASC LIMIT $3;

-- ChatRepository.lastSeq
SELECT last_seq FROM chat_rooms WHERE room = $1;

-- ChatRepository.lastSeqs
SELECT room, last_seq FROM chat_rooms WHERE room = ANY($1::text[]);

-- ChatRepository.lockMessage
SELECT "ChatMessage"."id" AS "ChatMessage_id", "ChatMessage"."room" AS "ChatMessage_room", "ChatMessage"."event_id" AS "ChatMessage_event_id", "ChatMessage"."seq" AS "ChatMessage_seq", "ChatMessage"."author_id" AS "ChatMessage_author_id", "ChatMessage"."body" AS "ChatMessage_body", "ChatMessage"."created_at" AS "ChatMessage_created_at", "ChatMessage"."deleted_at" AS "ChatMessage_deleted_at", "ChatMessage"."deleted_by_id" AS "ChatMessage_deleted_by_id", "ChatMessage"."delete_reason" AS "ChatMessage_delete_reason" FROM "chat_messages" "ChatMessage" WHERE (("ChatMessage"."id" = $1) AND ("ChatMessage"."room" = $2)) LIMIT 1 FOR UPDATE;

-- ChatRepository.markDeleted
UPDATE "chat_messages" SET "deleted_at" = $1, "deleted_by_id" = $2, "delete_reason" = $3 WHERE "id" IN ($4);

-- ChatRepository.insertMute
INSERT INTO "chat_mutes"("id", "event_id", "room", "user_id", "muted_by_id", "reason", "until", "created_at") VALUES (DEFAULT, $1, $2, $3, $4, $5, $6, DEFAULT) RETURNING "id", "reason", "created_at";

-- ChatRepository.activeMutes
SELECT "ChatMute"."id" AS "ChatMute_id", "ChatMute"."event_id" AS "ChatMute_event_id", "ChatMute"."room" AS "ChatMute_room", "ChatMute"."user_id" AS "ChatMute_user_id", "ChatMute"."muted_by_id" AS "ChatMute_muted_by_id", "ChatMute"."reason" AS "ChatMute_reason", "ChatMute"."until" AS "ChatMute_until", "ChatMute"."created_at" AS "ChatMute_created_at" FROM "chat_mutes" "ChatMute" WHERE (("ChatMute"."event_id" = $1) AND ("ChatMute"."user_id" = $2) AND ("ChatMute"."until" > $3));

-- ChatRepository.activeMutesIn
SELECT "ChatMute"."id" AS "ChatMute_id", "ChatMute"."event_id" AS "ChatMute_event_id", "ChatMute"."room" AS "ChatMute_room", "ChatMute"."user_id" AS "ChatMute_user_id", "ChatMute"."muted_by_id" AS "ChatMute_muted_by_id", "ChatMute"."reason" AS "ChatMute_reason", "ChatMute"."until" AS "ChatMute_until", "ChatMute"."created_at" AS "ChatMute_created_at" FROM "chat_mutes" "ChatMute" WHERE (((("ChatMute"."event_id" = $1) AND ("ChatMute"."user_id" = $2) AND ("ChatMute"."until" > $3) AND ("ChatMute"."room" = $4))) OR ((("ChatMute"."event_id" = $5) AND ("ChatMute"."user_id" = $6) AND ("ChatMute"."until" > $7) AND ("ChatMute"."room" IS NULL))));

-- ChatRepository.endMutes
UPDATE "chat_mutes" SET "until" = $1 WHERE "id" IN ($2);

-- ChatRepository.setSlowMode
INSERT INTO "chat_rooms"("room", "event_id", "last_seq", "slow_mode_seconds", "created_at") VALUES ($1, $2, DEFAULT, $3, DEFAULT) ON CONFLICT ( "room" ) DO UPDATE SET "slow_mode_seconds" = EXCLUDED."slow_mode_seconds" RETURNING "last_seq", "slow_mode_seconds", "created_at";

-- ChatRepository.slowModeSeconds
SELECT "ChatRoom"."slow_mode_seconds" AS "ChatRoom_slow_mode_seconds", "ChatRoom"."room" AS "ChatRoom_room" FROM "chat_rooms" "ChatRoom" WHERE (("ChatRoom"."room" = $1)) LIMIT 1;
