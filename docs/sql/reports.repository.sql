-- ReportsRepository.sessions
SELECT s.id, s.title, s.kind, st.name AS stage, s.starts_at, s.ends_at
       FROM sessions s LEFT JOIN stages st ON st.id = s.stage_id
       WHERE s.event_id = $1 AND s.kind NOT IN ('break', 'expo') AND s.state <> 'cancelled'
       ORDER BY s.starts_at, st.position, s.title;

-- ReportsRepository.videoStays
SELECT session_id, coalesce(user_id::text, identity) AS person, joined_at, left_at
       FROM attendance_intervals WHERE event_id = $1;

-- ReportsRepository.pageStays
SELECT substr(room, 9) AS session_id,
              coalesce(user_id::text, 'anon:' || pseudonym::text) AS person,
              entered_at AS joined_at, left_at
       FROM presence_intervals WHERE event_id = $1 AND room LIKE 'session:%';

-- ReportsRepository.questionCounts
SELECT session_id, count(*) AS asked,
              count(*) FILTER (WHERE state = 'answered') AS answered
       FROM questions WHERE event_id = $1 GROUP BY session_id;

-- ReportsRepository.pollCounts
SELECT p.session_id, count(DISTINCT p.id) AS polls, count(v.user_id) AS ballots,
              count(DISTINCT v.user_id) AS participants
       FROM polls p LEFT JOIN poll_votes v ON v.poll_id = p.id
       WHERE p.event_id = $1 AND p.state <> 'draft'
       GROUP BY p.session_id;

-- ReportsRepository.booths
SELECT b.id, b.organisation,
         (SELECT count(*) FROM booth_visits v WHERE v.booth_id = b.id) AS visits,
         (SELECT count(DISTINCT coalesce(v.user_id, v.pseudonym)) FROM booth_visits v
            WHERE v.booth_id = b.id) AS unique_visitors,
         (SELECT coalesce(sum(extract(epoch FROM v.last_seen_at - v.started_at)), 0)
            FROM booth_visits v WHERE v.booth_id = b.id) AS seconds,
         (SELECT count(*) FROM booth_conversations c
            WHERE c.booth_id = b.id AND c.accepted_at IS NOT NULL) AS conversations,
         (SELECT count(*) FROM leads l WHERE l.booth_id = b.id AND l.withdrawn_at IS NULL) AS leads
       FROM booths b WHERE b.event_id = $1
       ORDER BY b.position, b.organisation;

-- ReportsRepository.workshops
SELECT s.id, s.title, s.starts_at, s.ends_at, s.capacity,
         count(r.id) FILTER (WHERE r.status = 'confirmed') AS confirmed,
         count(r.id) FILTER (WHERE r.status = 'waitlisted') AS waitlisted,
         count(r.id) FILTER (WHERE r.status = 'confirmed' AND EXISTS (
           SELECT 1 FROM attendance_intervals a
           WHERE a.session_id = s.id AND a.user_id = r.user_id)) AS attended
       FROM sessions s
       LEFT JOIN workshop_registrations r ON r.session_id = s.id
       WHERE s.event_id = $1 AND s.kind = 'workshop' AND s.state <> 'cancelled'
       GROUP BY s.id
       ORDER BY s.starts_at, s.title;

-- ReportsRepository.attendanceAnonymisedAt
SELECT attendance_anonymised_at AS at FROM event_privacy_settings WHERE event_id = $1;
