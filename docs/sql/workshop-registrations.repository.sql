-- WorkshopRegistrationsRepository.lockWorkshop
SELECT "s"."id" AS "s_id", "s"."guid" AS "s_guid", "s"."number" AS "s_number", "s"."sequence" AS "s_sequence", "s"."event_id" AS "s_event_id", "s"."stage_id" AS "s_stage_id", "s"."track_id" AS "s_track_id", "s"."kind" AS "s_kind", "s"."title" AS "s_title", "s"."abstract" AS "s_abstract", "s"."starts_at" AS "s_starts_at", "s"."ends_at" AS "s_ends_at", "s"."state" AS "s_state", "s"."capacity" AS "s_capacity", "s"."stream_url" AS "s_stream_url", "s"."language" AS "s_language", "s"."created_at" AS "s_created_at", "s"."updated_at" AS "s_updated_at" FROM "sessions" "s" WHERE "s"."id" = $1 AND "s"."event_id" = $2 FOR NO KEY UPDATE;

-- WorkshopRegistrationsRepository.settingsOf
SELECT "WorkshopSettings"."session_id" AS "WorkshopSettings_session_id", "WorkshopSettings"."registration_opens_at" AS "WorkshopSettings_registration_opens_at", "WorkshopSettings"."registration_closes_at" AS "WorkshopSettings_registration_closes_at", "WorkshopSettings"."updated_at" AS "WorkshopSettings_updated_at" FROM "workshop_settings" "WorkshopSettings" WHERE (("WorkshopSettings"."session_id" = $1)) LIMIT 1;

-- WorkshopRegistrationsRepository.registrationOf
SELECT "WorkshopRegistration"."id" AS "WorkshopRegistration_id", "WorkshopRegistration"."session_id" AS "WorkshopRegistration_session_id", "WorkshopRegistration"."user_id" AS "WorkshopRegistration_user_id", "WorkshopRegistration"."event_id" AS "WorkshopRegistration_event_id", "WorkshopRegistration"."status" AS "WorkshopRegistration_status", "WorkshopRegistration"."arrival" AS "WorkshopRegistration_arrival", "WorkshopRegistration"."confirmed_at" AS "WorkshopRegistration_confirmed_at", "WorkshopRegistration"."cancelled_at" AS "WorkshopRegistration_cancelled_at", "WorkshopRegistration"."created_at" AS "WorkshopRegistration_created_at", "WorkshopRegistration"."updated_at" AS "WorkshopRegistration_updated_at" FROM "workshop_registrations" "WorkshopRegistration" WHERE (("WorkshopRegistration"."session_id" = $1) AND ("WorkshopRegistration"."user_id" = $2)) LIMIT 1;

-- WorkshopRegistrationsRepository.registration
SELECT "WorkshopRegistration"."id" AS "WorkshopRegistration_id", "WorkshopRegistration"."session_id" AS "WorkshopRegistration_session_id", "WorkshopRegistration"."user_id" AS "WorkshopRegistration_user_id", "WorkshopRegistration"."event_id" AS "WorkshopRegistration_event_id", "WorkshopRegistration"."status" AS "WorkshopRegistration_status", "WorkshopRegistration"."arrival" AS "WorkshopRegistration_arrival", "WorkshopRegistration"."confirmed_at" AS "WorkshopRegistration_confirmed_at", "WorkshopRegistration"."cancelled_at" AS "WorkshopRegistration_cancelled_at", "WorkshopRegistration"."created_at" AS "WorkshopRegistration_created_at", "WorkshopRegistration"."updated_at" AS "WorkshopRegistration_updated_at" FROM "workshop_registrations" "WorkshopRegistration" WHERE (("WorkshopRegistration"."session_id" = $1) AND ("WorkshopRegistration"."user_id" = $2)) LIMIT 1;

-- WorkshopRegistrationsRepository.countsOf
SELECT count(*) FILTER (WHERE status = 'confirmed')::int AS confirmed,
              count(*) FILTER (WHERE status = 'waitlisted')::int AS waitlisted
         FROM workshop_registrations
        WHERE session_id = $1;

-- WorkshopRegistrationsRepository.counts
SELECT count(*) FILTER (WHERE status = 'confirmed')::int AS confirmed,
              count(*) FILTER (WHERE status = 'waitlisted')::int AS waitlisted
         FROM workshop_registrations
        WHERE session_id = $1;

-- WorkshopRegistrationsRepository.waitingBefore
SELECT COUNT(1) AS "cnt" FROM "workshop_registrations" "r" WHERE "r"."session_id" = $1 AND "r"."status" = 'waitlisted' AND "r"."arrival" < $2;

-- WorkshopRegistrationsRepository.waitingAhead
SELECT COUNT(1) AS "cnt" FROM "workshop_registrations" "r" WHERE "r"."session_id" = $1 AND "r"."status" = 'waitlisted' AND "r"."arrival" < $2;

-- WorkshopRegistrationsRepository.insert
INSERT INTO workshop_registrations (session_id, user_id, event_id, status, confirmed_at)
         VALUES ($1, $2, $3, $4, $5)
         RETURNING id, session_id, user_id, status, arrival, confirmed_at, updated_at;

-- WorkshopRegistrationsRepository.reregister
UPDATE workshop_registrations
            SET status = $2, confirmed_at = $3, cancelled_at = NULL,
                arrival = nextval(pg_get_serial_sequence('workshop_registrations', 'arrival')),
                updated_at = CURRENT_TIMESTAMP
          WHERE id = $1
          RETURNING id, session_id, user_id, status, arrival, confirmed_at, updated_at;

-- WorkshopRegistrationsRepository.cancel
UPDATE workshop_registrations
            SET status = 'cancelled', cancelled_at = $2, updated_at = CURRENT_TIMESTAMP
          WHERE id = $1
          RETURNING id, session_id, user_id, status, arrival, confirmed_at, updated_at;

-- WorkshopRegistrationsRepository.setCapacity
UPDATE "sessions" SET "capacity" = $1, "updated_at" = CURRENT_TIMESTAMP WHERE "id" = $2;

-- WorkshopRegistrationsRepository.firstWaiting (some)
SELECT "w"."id" AS "w_id", "w"."session_id" AS "w_session_id", "w"."user_id" AS "w_user_id", "w"."event_id" AS "w_event_id", "w"."status" AS "w_status", "w"."arrival" AS "w_arrival", "w"."confirmed_at" AS "w_confirmed_at", "w"."cancelled_at" AS "w_cancelled_at", "w"."created_at" AS "w_created_at", "w"."updated_at" AS "w_updated_at" FROM "workshop_registrations" "w" WHERE "w"."session_id" = $1 AND "w"."status" = 'waitlisted' ORDER BY "w"."arrival" ASC LIMIT 3;

-- WorkshopRegistrationsRepository.firstWaiting (all)
SELECT "w"."id" AS "w_id", "w"."session_id" AS "w_session_id", "w"."user_id" AS "w_user_id", "w"."event_id" AS "w_event_id", "w"."status" AS "w_status", "w"."arrival" AS "w_arrival", "w"."confirmed_at" AS "w_confirmed_at", "w"."cancelled_at" AS "w_cancelled_at", "w"."created_at" AS "w_created_at", "w"."updated_at" AS "w_updated_at" FROM "workshop_registrations" "w" WHERE "w"."session_id" = $1 AND "w"."status" = 'waitlisted' ORDER BY "w"."arrival" ASC;

-- WorkshopRegistrationsRepository.confirm
UPDATE "workshop_registrations" SET "status" = $1, "confirmed_at" = $2, "updated_at" = CURRENT_TIMESTAMP WHERE "id" IN ($3);

-- WorkshopRegistrationsRepository.isConfirmed
SELECT 1 AS "row_exists" FROM (SELECT 1 AS dummy_column) "dummy_table" WHERE EXISTS (SELECT 1 FROM "workshop_registrations" "WorkshopRegistration" WHERE (("WorkshopRegistration"."session_id" = $1) AND ("WorkshopRegistration"."user_id" = $2) AND ("WorkshopRegistration"."status" = $3))) LIMIT 1;

-- WorkshopRegistrationsRepository.registrantsOf
SELECT "WorkshopRegistration"."id" AS "WorkshopRegistration_id", "WorkshopRegistration"."session_id" AS "WorkshopRegistration_session_id", "WorkshopRegistration"."user_id" AS "WorkshopRegistration_user_id", "WorkshopRegistration"."event_id" AS "WorkshopRegistration_event_id", "WorkshopRegistration"."status" AS "WorkshopRegistration_status", "WorkshopRegistration"."arrival" AS "WorkshopRegistration_arrival", "WorkshopRegistration"."confirmed_at" AS "WorkshopRegistration_confirmed_at", "WorkshopRegistration"."cancelled_at" AS "WorkshopRegistration_cancelled_at", "WorkshopRegistration"."created_at" AS "WorkshopRegistration_created_at", "WorkshopRegistration"."updated_at" AS "WorkshopRegistration_updated_at", "WorkshopRegistration__WorkshopRegistration_user"."id" AS "WorkshopRegistration__WorkshopRegistration_user_id", "WorkshopRegistration__WorkshopRegistration_user"."email" AS "WorkshopRegistration__WorkshopRegistration_user_email", "WorkshopRegistration__WorkshopRegistration_user"."display_name" AS "WorkshopRegistration__WorkshopRegistration_user_display_name", "WorkshopRegistration__WorkshopRegistration_user"."locale" AS "WorkshopRegistration__WorkshopRegistration_user_locale", "WorkshopRegistration__WorkshopRegistration_user"."is_platform_admin" AS "857ed68cd526de2c91c81b3b848fb6b9d8be3715", "WorkshopRegistration__WorkshopRegistration_user"."disabled_at" AS "WorkshopRegistration__WorkshopRegistration_user_disabled_at", "WorkshopRegistration__WorkshopRegistration_user"."created_at" AS "WorkshopRegistration__WorkshopRegistration_user_created_at", "WorkshopRegistration__WorkshopRegistration_user"."updated_at" AS "WorkshopRegistration__WorkshopRegistration_user_updated_at" FROM "workshop_registrations" "WorkshopRegistration" LEFT JOIN "users" "WorkshopRegistration__WorkshopRegistration_user" ON "WorkshopRegistration__WorkshopRegistration_user"."id"="WorkshopRegistration"."user_id" WHERE (("WorkshopRegistration"."session_id" = $1)) ORDER BY "WorkshopRegistration"."arrival" ASC;
