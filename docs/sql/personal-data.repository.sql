-- PersonalDataRepository.personReferences
SELECT src.relname AS table, att.attname AS column, con.confdeltype AS on_delete
     FROM pg_constraint con
     JOIN pg_class src ON src.oid = con.conrelid
     JOIN pg_namespace ns ON ns.oid = src.relnamespace
     JOIN pg_attribute att ON att.attrelid = con.conrelid AND att.attnum = con.conkey[1]
     WHERE con.contype = 'f' AND con.confrelid = 'users'::regclass
       AND array_length(con.conkey, 1) = 1 AND ns.nspname = current_schema()
     ORDER BY src.relname, att.attname;

-- PersonalDataRepository.account
SELECT * FROM users WHERE id = $1;

-- PersonalDataRepository.referencingRows
SELECT src.relname AS table, att.attname AS column, con.confdeltype AS on_delete
     FROM pg_constraint con
     JOIN pg_class src ON src.oid = con.conrelid
     JOIN pg_namespace ns ON ns.oid = src.relnamespace
     JOIN pg_attribute att ON att.attrelid = con.conrelid AND att.attnum = con.conkey[1]
     WHERE con.contype = 'f' AND con.confrelid = 'users'::regclass
       AND array_length(con.conkey, 1) = 1 AND ns.nspname = current_schema()
     ORDER BY src.relname, att.attname;
SELECT * FROM "agenda_items" WHERE "user_id"::text = $1::text;
SELECT * FROM "announcements" WHERE "author_id"::text = $1::text;
SELECT * FROM "attendance_intervals" WHERE "user_id"::text = $1::text;
SELECT * FROM "audit_logs" WHERE ("target_id"::text = $1::text AND "target_type" = 'user');
SELECT "id", "event_id", "action", "target_type", "created_at" FROM "audit_logs"
             WHERE "actor_id"::text = $1::text AND (("target_id"::text = $1::text AND "target_type" = 'user')) IS NOT TRUE;
SELECT * FROM "auth_sessions" WHERE "user_id"::text = $1::text;
SELECT * FROM "booth_conversations" WHERE "visitor_id"::text = $1::text;
SELECT "id", "booth_id", "state", "accepted_at", "ended_at" FROM "booth_conversations"
             WHERE "staff_id"::text = $1::text AND ("visitor_id"::text = $1::text) IS NOT TRUE;
SELECT * FROM "booth_visits" WHERE "user_id"::text = $1::text;
SELECT * FROM "calendar_feeds" WHERE "user_id"::text = $1::text;
SELECT * FROM "chat_messages" WHERE "author_id"::text = $1::text;
SELECT "id", "event_id", "room", "deleted_at" FROM "chat_messages"
             WHERE "deleted_by_id"::text = $1::text AND ("author_id"::text = $1::text) IS NOT TRUE;
SELECT * FROM "chat_mutes" WHERE "user_id"::text = $1::text;
SELECT "id", "event_id", "room", "until", "created_at" FROM "chat_mutes"
             WHERE "muted_by_id"::text = $1::text AND ("user_id"::text = $1::text) IS NOT TRUE;
SELECT * FROM "event_impressions" WHERE "created_by_id"::text = $1::text;
SELECT * FROM "invitations" WHERE "user_id"::text = $1::text;
SELECT "id", "event_id", "role", "created_at" FROM "invitations"
             WHERE "invited_by_id"::text = $1::text AND ("user_id"::text = $1::text) IS NOT TRUE;
SELECT * FROM "leads" WHERE "user_id"::text = $1::text;
SELECT * FROM "live_speakers" WHERE "user_id"::text = $1::text;
SELECT "session_id", "event_id", "created_at" FROM "live_speakers"
             WHERE "taken_live_by_id"::text = $1::text AND ("user_id"::text = $1::text) IS NOT TRUE;
SELECT * FROM "memberships" WHERE "user_id"::text = $1::text;
SELECT * FROM "notifications" WHERE "user_id"::text = $1::text;
SELECT * FROM "poll_votes" WHERE "user_id"::text = $1::text;
SELECT * FROM "polls" WHERE "created_by_id"::text = $1::text;
SELECT * FROM "presence_intervals" WHERE "user_id"::text = $1::text;
SELECT * FROM "question_votes" WHERE "user_id"::text = $1::text;
SELECT * FROM "questions" WHERE "author_id"::text = $1::text;
SELECT "id", "event_id", "session_id", "state", "decided_at" FROM "questions"
             WHERE "decided_by_id"::text = $1::text AND ("author_id"::text = $1::text) IS NOT TRUE;
SELECT * FROM "recordings" WHERE "ended_by_id"::text = $1::text OR "started_by_id"::text = $1::text;
SELECT * FROM "reminder_deliveries" WHERE "user_id"::text = $1::text;
SELECT * FROM "reminder_preferences" WHERE "user_id"::text = $1::text;
SELECT * FROM "session_slides" WHERE "uploaded_by_id"::text = $1::text;
SELECT * FROM "sign_in_links" WHERE "user_id"::text = $1::text;
SELECT * FROM "speakers" WHERE "user_id"::text = $1::text;
SELECT * FROM "workshop_materials" WHERE "created_by_id"::text = $1::text;
SELECT * FROM "workshop_registrations" WHERE "user_id"::text = $1::text;

-- PersonalDataRepository.accountForErasure
SELECT "User"."id" AS "User_id", "User"."email" AS "User_email", "User"."display_name" AS "User_display_name", "User"."password_hash" AS "User_password_hash" FROM "users" "User" WHERE (("User"."id" = $1)) LIMIT 1;

-- PersonalDataRepository.heldSeats
SELECT event_id, session_id FROM workshop_registrations
       WHERE user_id = $1 AND status IN ('confirmed', 'waitlisted');

-- PersonalDataRepository.pendingDeliveryIds
SELECT id FROM reminder_deliveries WHERE user_id = $1 AND status = 'pending';

-- PersonalDataRepository.openInvitationIds
SELECT id FROM invitations WHERE user_id = $1 AND accepted_at IS NULL;

-- PersonalDataRepository.clearSpeakerProfiles
UPDATE speakers SET name = $2, title = '', organisation = '', biography = '',
                photo_url = NULL, links = '[]'
         WHERE user_id = $1;

-- PersonalDataRepository.deleteAccount
DELETE FROM users WHERE id = $1;

-- PersonalDataRepository.clearAuditTargets
UPDATE audit_logs SET target_id = NULL WHERE target_type = 'user' AND target_id = $1;

-- PersonalDataRepository.auditEntriesMentioning
SELECT id, details FROM audit_logs
       WHERE details::text ILIKE ANY ($1);

-- PersonalDataRepository.setAuditDetails
UPDATE audit_logs SET details = $2 WHERE id = $1;
