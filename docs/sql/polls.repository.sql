-- PollsRepository.listForSession
SELECT id, session_id, question, kind, options, state, created_at FROM polls WHERE session_id = $1 AND ($2 OR state <> 'draft') ORDER BY created_at;

-- PollsRepository.find
SELECT id, session_id, question, kind, options, state, created_at FROM polls WHERE id = $1;

-- PollsRepository.findInSession
SELECT id, session_id, question, kind, options, state, created_at FROM polls WHERE id = $1 AND session_id = $2;

-- PollsRepository.lock
SELECT id, session_id, question, kind, options, state, created_at FROM polls WHERE id = $1 AND session_id = $2 FOR UPDATE;

-- PollsRepository.insert
INSERT INTO polls (event_id, session_id, question, kind, options, created_by_id)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6)
       RETURNING id, session_id, question, kind, options, state, created_at;

-- PollsRepository.setState
UPDATE polls SET state = $2::poll_state,
              opened_at = CASE WHEN $2::text = 'open' THEN now() ELSE opened_at END,
              closed_at = CASE WHEN $2::text = 'closed' THEN now() ELSE closed_at END
        WHERE id = $1;

-- PollsRepository.castBallot
INSERT INTO poll_votes (poll_id, user_id, choices)
       SELECT id, $2, $3::smallint[] FROM polls WHERE id = $1 AND state = 'open'
       ON CONFLICT DO NOTHING RETURNING poll_id;

-- PollsRepository.state
SELECT state FROM polls WHERE id = $1;

-- PollsRepository.ballot
SELECT choices FROM poll_votes WHERE poll_id = $1 AND user_id = $2;

-- PollsRepository.counts
SELECT c AS choice, count(*)::int AS n FROM poll_votes, unnest(choices) AS c
        WHERE poll_id = $1 GROUP BY c;
SELECT count(*)::int AS n FROM poll_votes WHERE poll_id = $1;
