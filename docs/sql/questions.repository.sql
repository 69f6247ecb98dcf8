-- QuestionsRepository.listForSession
SELECT q.id, q.session_id, q.author_id, u.display_name AS author_name, q.body, q.anonymous,
         q.state, q.vote_count,
         q.on_screen, q.created_at, q.edited_at, q.dismiss_reason
    FROM questions q LEFT JOIN users u ON u.id = q.author_id
        WHERE q.session_id = $1
          AND ($3 OR q.state IN ('approved', 'answered') OR q.author_id = $2)
        ORDER BY q.created_at DESC;

-- QuestionsRepository.votedBy
SELECT v.question_id FROM question_votes v JOIN questions q ON q.id = v.question_id
        WHERE q.session_id = $1 AND v.user_id = $2;

-- QuestionsRepository.isOpen
SELECT open FROM session_qa WHERE session_id = $1;

-- QuestionsRepository.setOpen
INSERT INTO session_qa (session_id, event_id, open) VALUES ($1, $2, $3)
       ON CONFLICT (session_id) DO UPDATE SET open = EXCLUDED.open, updated_at = now();

-- QuestionsRepository.insert
INSERT INTO questions (event_id, session_id, author_id, body, anonymous)
       VALUES ($1, $2, $3, $4, $5) RETURNING id;

-- QuestionsRepository.find
SELECT q.id, q.session_id, q.author_id, u.display_name AS author_name, q.body, q.anonymous,
         q.state, q.vote_count,
         q.on_screen, q.created_at, q.edited_at, q.dismiss_reason
    FROM questions q LEFT JOIN users u ON u.id = q.author_id WHERE q.id = $1;

-- QuestionsRepository.lock
SELECT q.id, q.session_id, q.author_id, q.state, q.on_screen
         FROM questions q WHERE q.id = $1 AND q.session_id = $2 FOR UPDATE;

-- QuestionsRepository.updateBody
UPDATE questions SET body = $2, edited_at = now() WHERE id = $1;

-- QuestionsRepository.delete
DELETE FROM questions WHERE id = $1;

-- QuestionsRepository.decide
UPDATE questions
          SET state = $2::question_state, decided_by_id = $3, decided_at = now(),
              dismiss_reason = CASE WHEN $2::text = 'dismissed' THEN $4 ELSE NULL END,
              answered_at = CASE WHEN $2::text = 'answered' THEN now() ELSE answered_at END,
              on_screen = CASE WHEN $2::text = 'dismissed' THEN false ELSE on_screen END
        WHERE id = $1;

-- QuestionsRepository.lockScreen
SELECT pg_advisory_xact_lock(hashtext($1));

-- QuestionsRepository.clearScreen
UPDATE questions SET on_screen = false WHERE session_id = $1 AND on_screen RETURNING id;

-- QuestionsRepository.putOnScreen
UPDATE questions SET on_screen = true
        WHERE id = $1 AND session_id = $2 AND state IN ('approved', 'answered') RETURNING id;

-- QuestionsRepository.applyVotes
WITH input AS (
    SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::boolean[])
      AS t(session_id, question_id, user_id, voted)
  ), target AS (
    SELECT i.question_id, i.user_id, i.voted
      FROM input i JOIN questions q ON q.id = i.question_id AND q.session_id = i.session_id
     WHERE q.state = 'approved'
       AND NOT EXISTS (
         SELECT 1 FROM session_qa s WHERE s.session_id = q.session_id AND NOT s.open)
  ), added AS (
    INSERT INTO question_votes (question_id, user_id)
    SELECT question_id, user_id FROM target WHERE voted
        ON CONFLICT DO NOTHING
    RETURNING question_id, user_id
  ), removed AS (
    DELETE FROM question_votes v USING target t
     WHERE NOT t.voted AND v.question_id = t.question_id AND v.user_id = t.user_id
    RETURNING v.question_id, v.user_id
  ), changes AS (
    SELECT question_id, user_id, 1 AS d FROM added
    UNION ALL SELECT question_id, user_id, -1 FROM removed
  ), counted AS (
    UPDATE questions q SET vote_count = q.vote_count + c.d
      FROM (SELECT question_id, sum(d)::int AS d FROM changes GROUP BY question_id) c
     WHERE q.id = c.question_id AND c.d <> 0
    RETURNING q.id, q.vote_count
  )
  SELECT i.session_id, i.question_id, i.user_id, q.session_id AS question_session_id, q.state,
         coalesce(s.open, true) AS open, coalesce(c.vote_count, q.vote_count) AS votes,
         x.d IS NOT NULL AS changed
    FROM input i
    LEFT JOIN questions q ON q.id = i.question_id
    LEFT JOIN session_qa s ON s.session_id = q.session_id
    LEFT JOIN counted c ON c.id = i.question_id
    LEFT JOIN changes x ON x.question_id = i.question_id AND x.user_id = i.user_id;

-- QuestionsRepository.voteCounts
SELECT id, vote_count FROM questions WHERE id = ANY($1::uuid[]);

-- QuestionsRepository.exportRows
SELECT q.id, q.created_at, q.state, q.body, a.display_name AS author_name,
              a.email AS author_email, q.anonymous,
              (SELECT count(*)::int FROM question_votes v WHERE v.question_id = q.id) AS vote_count,
              q.on_screen, q.edited_at,
              d.display_name AS decider_name, q.decided_at, q.dismiss_reason, q.answered_at
         FROM questions q
         LEFT JOIN users a ON a.id = q.author_id
         LEFT JOIN users d ON d.id = q.decided_by_id
        WHERE q.session_id = $1
        ORDER BY q.created_at;
