-- LiveRepository.user
SELECT "User"."id" AS "User_id", "User"."display_name" AS "User_display_name", "User"."disabled_at" AS "User_disabled_at" FROM "users" "User" WHERE (("User"."id" = $1)) LIMIT 1;

-- LiveRepository.eventExists
SELECT 1 AS "row_exists" FROM (SELECT 1 AS dummy_column) "dummy_table" WHERE EXISTS (SELECT 1 FROM "events" "Event" WHERE (("Event"."id" = $1))) LIMIT 1;

-- LiveRepository.session
SELECT "Session"."id" AS "Session_id", "Session"."event_id" AS "Session_event_id", "Session"."kind" AS "Session_kind" FROM "sessions" "Session" WHERE (("Session"."id" = $1)) LIMIT 1;

-- LiveRepository.booth
SELECT "Booth"."id" AS "Booth_id", "Booth"."event_id" AS "Booth_event_id" FROM "booths" "Booth" WHERE (("Booth"."id" = $1)) LIMIT 1;

-- LiveRepository.inWorkshop
SELECT EXISTS (SELECT 1 FROM memberships WHERE session_id = $1 AND user_id = $2)
           OR EXISTS (SELECT 1 FROM session_speakers link JOIN speakers sp ON sp.id = link.speaker_id
                       WHERE link.session_id = $1 AND link.part = 'host' AND sp.user_id = $2)
           OR EXISTS (SELECT 1 FROM workshop_registrations
                       WHERE session_id = $1 AND user_id = $2 AND status = 'confirmed') AS found;

-- LiveRepository.openStay
INSERT INTO presence_intervals (event_id, room, user_id, entered_at)
       VALUES ($1, $2, $3, now()) RETURNING id;

-- LiveRepository.closeStays
UPDATE presence_intervals SET left_at = now() WHERE id = ANY($1) AND left_at IS NULL;
