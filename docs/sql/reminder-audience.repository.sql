-- ReminderAudienceRepository.sessionPage
WITH audience AS (
         SELECT a.user_id FROM agenda_items a WHERE a.session_id = $4
         UNION
         SELECT r.user_id FROM workshop_registrations r
         WHERE r.session_id = $4 AND r.status = 'confirmed'
         UNION
         SELECT k.user_id FROM reminder_preferences k
         WHERE k.event_id = $1 AND k.all_keynotes AND $5::text = 'keynote'
       )
  SELECT u.id AS user_id, COALESCE(p.enabled, true) AS enabled, p.offsets_minutes,
         COALESCE(p.channels, '{in-app,email}'::varchar[]) AS channels
  FROM audience au
  JOIN users u ON u.id = au.user_id AND u.disabled_at IS NULL
  LEFT JOIN reminder_preferences p ON p.user_id = u.id AND p.event_id = $1
  WHERE u.id > $2
  ORDER BY u.id
  LIMIT $3;

-- ReminderAudienceRepository.personPage
WITH audience AS (SELECT $4::uuid AS user_id)
  SELECT u.id AS user_id, COALESCE(p.enabled, true) AS enabled, p.offsets_minutes,
         COALESCE(p.channels, '{in-app,email}'::varchar[]) AS channels
  FROM audience au
  JOIN users u ON u.id = au.user_id AND u.disabled_at IS NULL
  LEFT JOIN reminder_preferences p ON p.user_id = u.id AND p.event_id = $1
  WHERE u.id > $2
  ORDER BY u.id
  LIMIT $3;

-- ReminderAudienceRepository.eventPage
WITH audience AS (
         SELECT DISTINCT m.user_id FROM memberships m
         WHERE m.event_id = $1 AND ($4::text IS NULL OR m.role::text = $4::text)
       )
  SELECT u.id AS user_id, COALESCE(p.enabled, true) AS enabled, p.offsets_minutes,
         COALESCE(p.channels, '{in-app,email}'::varchar[]) AS channels
  FROM audience au
  JOIN users u ON u.id = au.user_id AND u.disabled_at IS NULL
  LEFT JOIN reminder_preferences p ON p.user_id = u.id AND p.event_id = $1
  WHERE u.id > $2
  ORDER BY u.id
  LIMIT $3;
