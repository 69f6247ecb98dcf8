-- AttendanceRepository.markProcessed
INSERT INTO "livekit_webhook_events"("id", "event", "room", "received_at") VALUES ($1, $2, $3, DEFAULT) ON CONFLICT DO NOTHING  RETURNING id;

-- AttendanceRepository.purgeProcessed
DELETE FROM livekit_webhook_events WHERE received_at < now() - interval '7 days';

-- AttendanceRepository.sessionInEvent
SELECT 1 AS "row_exists" FROM (SELECT 1 AS dummy_column) "dummy_table" WHERE EXISTS (SELECT 1 FROM "sessions" "Session" WHERE (("Session"."id" = $1) AND ("Session"."event_id" = $2))) LIMIT 1;

-- AttendanceRepository.closeRoom
UPDATE attendance_intervals SET left_at = $2 WHERE room = $1 AND left_at IS NULL;

-- AttendanceRepository.joined
INSERT INTO attendance_intervals (event_id, session_id, room, participant_sid, identity, joined_at, user_id)
       VALUES ($1, $2, $3, $4, $5, $6, (SELECT id FROM users WHERE id::text = $7))
       ON CONFLICT (participant_sid)
       DO UPDATE SET joined_at = LEAST(attendance_intervals.joined_at, EXCLUDED.joined_at);

-- AttendanceRepository.left
INSERT INTO attendance_intervals (event_id, session_id, room, participant_sid, identity, joined_at, left_at, user_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, (SELECT id FROM users WHERE id::text = $8))
       ON CONFLICT (participant_sid) DO UPDATE SET left_at = EXCLUDED.left_at
       WHERE attendance_intervals.left_at IS NULL;

-- AttendanceRepository.connectionsOf
SELECT "AttendanceInterval"."identity" AS "AttendanceInterval_identity", "AttendanceInterval"."joined_at" AS "AttendanceInterval_joined_at", "AttendanceInterval"."left_at" AS "AttendanceInterval_left_at", "AttendanceInterval"."id" AS "AttendanceInterval_id" FROM "attendance_intervals" "AttendanceInterval" WHERE (("AttendanceInterval"."session_id" = $1));
