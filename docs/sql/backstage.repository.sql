-- BackstageRepository.stageSessions
SELECT s.id, s.event_id FROM sessions s JOIN stages st ON st.id = s.stage_id
        WHERE st.id = $1;
