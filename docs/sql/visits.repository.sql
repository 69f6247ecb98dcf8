-- VisitsRepository.start
INSERT INTO "booth_visits"("id", "booth_id", "user_id", "pseudonym", "started_at", "last_seen_at") VALUES (DEFAULT, $1, $2, DEFAULT, DEFAULT, DEFAULT) RETURNING "id", "started_at", "last_seen_at";

-- VisitsRepository.heartbeat
UPDATE booth_visits SET last_seen_at = now()
       WHERE id = $1 AND booth_id = $2 AND user_id = $3
         AND last_seen_at > now() - interval '2 minutes';

-- VisitsRepository.stats (event)
SELECT b.id AS booth_id, b.organisation,
         (SELECT count(*) FROM booth_visits v WHERE v.booth_id = b.id) AS views,
         (SELECT count(DISTINCT coalesce(v.user_id, v.pseudonym)) FROM booth_visits v
            WHERE v.booth_id = b.id)
           AS unique_visitors,
         (SELECT coalesce(sum(extract(epoch FROM v.last_seen_at - v.started_at)), 0)
            FROM booth_visits v WHERE v.booth_id = b.id) AS seconds_spent,
         (SELECT count(*) FROM chat_messages m
            WHERE m.room = 'booth:' || b.id AND m.deleted_at IS NULL) AS chat_messages,
         (SELECT count(*) FROM booth_conversations c
            WHERE c.booth_id = b.id AND c.accepted_at IS NOT NULL) AS conversations
       FROM booths b
       WHERE b.event_id = $1 AND ($2::uuid IS NULL OR b.id = $2)
       ORDER BY b.position, b.organisation;

-- VisitsRepository.stats (booth)
SELECT b.id AS booth_id, b.organisation,
         (SELECT count(*) FROM booth_visits v WHERE v.booth_id = b.id) AS views,
         (SELECT count(DISTINCT coalesce(v.user_id, v.pseudonym)) FROM booth_visits v
            WHERE v.booth_id = b.id)
           AS unique_visitors,
         (SELECT coalesce(sum(extract(epoch FROM v.last_seen_at - v.started_at)), 0)
            FROM booth_visits v WHERE v.booth_id = b.id) AS seconds_spent,
         (SELECT count(*) FROM chat_messages m
            WHERE m.room = 'booth:' || b.id AND m.deleted_at IS NULL) AS chat_messages,
         (SELECT count(*) FROM booth_conversations c
            WHERE c.booth_id = b.id AND c.accepted_at IS NOT NULL) AS conversations
       FROM booths b
       WHERE b.event_id = $1 AND ($2::uuid IS NULL OR b.id = $2)
       ORDER BY b.position, b.organisation;

-- VisitsRepository.hourly (event)
SELECT b.id AS booth_id, h.hour, count(v.id) AS views
       FROM booths b
       CROSS JOIN generate_series(date_trunc('hour', now()) - interval '23 hours',
                                  date_trunc('hour', now()), interval '1 hour') AS h(hour)
       LEFT JOIN booth_visits v
         ON v.booth_id = b.id AND v.started_at >= h.hour AND v.started_at < h.hour + interval '1 hour'
       WHERE b.event_id = $1 AND ($2::uuid IS NULL OR b.id = $2)
       GROUP BY b.id, h.hour
       ORDER BY h.hour;

-- VisitsRepository.hourly (booth)
SELECT b.id AS booth_id, h.hour, count(v.id) AS views
       FROM booths b
       CROSS JOIN generate_series(date_trunc('hour', now()) - interval '23 hours',
                                  date_trunc('hour', now()), interval '1 hour') AS h(hour)
       LEFT JOIN booth_visits v
         ON v.booth_id = b.id AND v.started_at >= h.hour AND v.started_at < h.hour + interval '1 hour'
       WHERE b.event_id = $1 AND ($2::uuid IS NULL OR b.id = $2)
       GROUP BY b.id, h.hour
       ORDER BY h.hour;
