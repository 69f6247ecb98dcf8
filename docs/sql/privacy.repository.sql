-- PrivacyRepository.settings
SELECT "EventPrivacySettings"."event_id" AS "EventPrivacySettings_event_id", "EventPrivacySettings"."attendance_retention_days" AS "EventPrivacySettings_attendance_retention_days", "EventPrivacySettings"."attendance_anonymised_at" AS "EventPrivacySettings_attendance_anonymised_at", "EventPrivacySettings"."updated_at" AS "EventPrivacySettings_updated_at" FROM "event_privacy_settings" "EventPrivacySettings" WHERE (("EventPrivacySettings"."event_id" = $1)) LIMIT 1;

-- PrivacyRepository.saveRetention
INSERT INTO "event_privacy_settings"("event_id", "attendance_retention_days", "attendance_anonymised_at", "updated_at") VALUES ($1, $2, DEFAULT, DEFAULT) ON CONFLICT ( "event_id" ) DO UPDATE SET "event_id" = EXCLUDED."event_id", "attendance_retention_days" = EXCLUDED."attendance_retention_days", "updated_at" = DEFAULT RETURNING "updated_at";

-- PrivacyRepository.anonymiseAfter
SELECT (($1::date + 1 + $2::int)::timestamp AT TIME ZONE $3) AS at;

-- PrivacyRepository.eventsDueForAnonymisation
SELECT s.event_id FROM event_privacy_settings s JOIN events e ON e.id = s.event_id
       WHERE s.attendance_retention_days IS NOT NULL
         AND ((e.ends_on + 1 + s.attendance_retention_days)::timestamp AT TIME ZONE e.time_zone)
             <= $1;

-- PrivacyRepository.markAttendanceAnonymised
UPDATE event_privacy_settings SET attendance_anonymised_at = coalesce(attendance_anonymised_at, $2)
       WHERE event_id = $1;

-- PrivacyRepository.anonymiseAttendance (event)
WITH stays AS (
         SELECT event_id, coalesce(user_id::text, identity) AS person FROM attendance_intervals
          WHERE identity NOT LIKE 'anon:%'
         UNION
         SELECT event_id, user_id::text FROM presence_intervals WHERE user_id IS NOT NULL
         UNION
         SELECT b.event_id, v.user_id::text FROM booth_visits v JOIN booths b ON b.id = v.booth_id
          WHERE v.user_id IS NOT NULL
       ),
       people AS MATERIALIZED (
         SELECT event_id, person, gen_random_uuid() AS pseudonym FROM stays
          WHERE ($1::uuid IS NULL OR event_id = $1) AND ($2::text IS NULL OR person = $2)
       ),
       a AS (
         UPDATE attendance_intervals t SET identity = 'anon:' || p.pseudonym, user_id = NULL
           FROM people p
          WHERE t.event_id = p.event_id AND coalesce(t.user_id::text, t.identity) = p.person
            AND t.identity NOT LIKE 'anon:%'
         RETURNING 1
       ),
       pr AS (
         UPDATE presence_intervals t SET pseudonym = p.pseudonym, user_id = NULL
           FROM people p
          WHERE t.event_id = p.event_id AND t.user_id::text = p.person
         RETURNING 1
       ),
       v AS (
         UPDATE booth_visits t SET pseudonym = p.pseudonym, user_id = NULL
           FROM people p, booths b
          WHERE b.id = t.booth_id AND b.event_id = p.event_id AND t.user_id::text = p.person
         RETURNING 1
       )
       SELECT (SELECT count(*) FROM a) AS a, (SELECT count(*) FROM pr) AS p,
              (SELECT count(*) FROM v) AS v;

-- PrivacyRepository.anonymiseAttendance (person)
WITH stays AS (
         SELECT event_id, coalesce(user_id::text, identity) AS person FROM attendance_intervals
          WHERE identity NOT LIKE 'anon:%'
         UNION
         SELECT event_id, user_id::text FROM presence_intervals WHERE user_id IS NOT NULL
         UNION
         SELECT b.event_id, v.user_id::text FROM booth_visits v JOIN booths b ON b.id = v.booth_id
          WHERE v.user_id IS NOT NULL
       ),
       people AS MATERIALIZED (
         SELECT event_id, person, gen_random_uuid() AS pseudonym FROM stays
          WHERE ($1::uuid IS NULL OR event_id = $1) AND ($2::text IS NULL OR person = $2)
       ),
       a AS (
         UPDATE attendance_intervals t SET identity = 'anon:' || p.pseudonym, user_id = NULL
           FROM people p
          WHERE t.event_id = p.event_id AND coalesce(t.user_id::text, t.identity) = p.person
            AND t.identity NOT LIKE 'anon:%'
         RETURNING 1
       ),
       pr AS (
         UPDATE presence_intervals t SET pseudonym = p.pseudonym, user_id = NULL
           FROM people p
          WHERE t.event_id = p.event_id AND t.user_id::text = p.person
         RETURNING 1
       ),
       v AS (
         UPDATE booth_visits t SET pseudonym = p.pseudonym, user_id = NULL
           FROM people p, booths b
          WHERE b.id = t.booth_id AND b.event_id = p.event_id AND t.user_id::text = p.person
         RETURNING 1
       )
       SELECT (SELECT count(*) FROM a) AS a, (SELECT count(*) FROM pr) AS p,
              (SELECT count(*) FROM v) AS v;
