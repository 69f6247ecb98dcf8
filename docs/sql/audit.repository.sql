-- AuditRepository.insert (on its own)
INSERT INTO "audit_logs"("id", "event_id", "actor_id", "action", "target_type", "target_id", "details", "created_at") VALUES (DEFAULT, $1, $2, $3, $4, $5, $6, DEFAULT) RETURNING "id", "details", "created_at";

-- AuditRepository.insert (in a transaction)
INSERT INTO "audit_logs"("id", "event_id", "actor_id", "action", "target_type", "target_id", "details", "created_at") VALUES (DEFAULT, $1, $2, $3, $4, $5, $6, DEFAULT) RETURNING "id", "details", "created_at";
