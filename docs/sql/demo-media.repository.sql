-- DemoMediaRepository.insertQuestion
INSERT INTO "questions"("id", "event_id", "session_id", "author_id", "body", "anonymous", "state", "vote_count", "on_screen", "created_at", "edited_at", "decided_by_id", "decided_at", "dismiss_reason", "answered_at") VALUES (DEFAULT, $1, $2, DEFAULT, $3, DEFAULT, $4, DEFAULT, DEFAULT, DEFAULT, DEFAULT, DEFAULT, DEFAULT, DEFAULT, DEFAULT) RETURNING "id", "anonymous", "state", "vote_count", "on_screen", "created_at";

-- DemoMediaRepository.insertQuestions
INSERT INTO "questions"("id", "event_id", "session_id", "author_id", "body", "anonymous", "state", "vote_count", "on_screen", "created_at", "edited_at", "decided_by_id", "decided_at", "dismiss_reason", "answered_at") VALUES (DEFAULT, $1, $2, DEFAULT, $3, DEFAULT, $4, DEFAULT, DEFAULT, DEFAULT, DEFAULT, DEFAULT, DEFAULT, DEFAULT, DEFAULT) RETURNING "id", "anonymous", "state", "vote_count", "on_screen", "created_at";

-- DemoMediaRepository.insertQuestionVotes
INSERT INTO "question_votes"("question_id", "user_id", "created_at") VALUES ($1, $2, DEFAULT) RETURNING "created_at";

-- DemoMediaRepository.insertPoll
INSERT INTO "polls"("id", "event_id", "session_id", "question", "kind", "options", "state", "created_by_id", "created_at", "opened_at", "closed_at") VALUES (DEFAULT, $1, $2, $3, $4, $5, DEFAULT, DEFAULT, DEFAULT, DEFAULT, DEFAULT) RETURNING "id", "state", "created_at";

-- DemoMediaRepository.insertPollVotes
INSERT INTO "poll_votes"("poll_id", "user_id", "choices", "created_at") VALUES ($1, $2, $3, DEFAULT) RETURNING "created_at";

-- DemoMediaRepository.insertRecordings
INSERT INTO "recordings"("id", "event_id", "session_id", "source", "state", "media", "egress_id", "url", "storage_key", "location", "content_type", "size_bytes", "duration_seconds", "error", "started_by_id", "ended_by_id", "started_at", "ended_at", "created_at", "updated_at") VALUES (DEFAULT, $1, $2, $3, $4, $5, DEFAULT, $6, DEFAULT, DEFAULT, DEFAULT, DEFAULT, DEFAULT, DEFAULT, DEFAULT, DEFAULT, DEFAULT, DEFAULT, DEFAULT, DEFAULT) RETURNING "id", "created_at", "updated_at";

-- DemoMediaRepository.insertSlides
INSERT INTO "session_slides"("id", "event_id", "session_id", "title", "file_name", "storage_key", "size_bytes", "uploaded_by_id", "created_at") VALUES (DEFAULT, $1, $2, $3, $4, $5, $6, DEFAULT, DEFAULT) RETURNING "id", "created_at";

-- DemoMediaRepository.insertImpressions
INSERT INTO "event_impressions"("id", "event_id", "storage_key", "content_type", "size_bytes", "alt_text", "caption", "position", "created_by_id", "created_at") VALUES (DEFAULT, $1, $2, $3, $4, $5, $6, $7, DEFAULT, DEFAULT) RETURNING "id", "caption", "position", "created_at";
