-- AuthRepository.userWithPassword
SELECT "User"."id" AS "User_id", "User"."email" AS "User_email", "User"."display_name" AS "User_display_name", "User"."password_hash" AS "User_password_hash", "User"."locale" AS "User_locale", "User"."is_platform_admin" AS "User_is_platform_admin", "User"."disabled_at" AS "User_disabled_at" FROM "users" "User" WHERE (("User"."email" = $1)) LIMIT 1;

-- AuthRepository.insertSignIn
INSERT INTO "auth_sessions"("id", "user_id", "token_hash", "previous_token_hash", "expires_at", "revoked_at", "user_agent", "created_at", "last_used_at") VALUES (DEFAULT, $1, $2, $3, $4, $5, $6, DEFAULT, DEFAULT) RETURNING "id", "created_at", "last_used_at";

-- AuthRepository.lockSignInByToken
SELECT "AuthSession"."id" AS "AuthSession_id", "AuthSession"."user_id" AS "AuthSession_user_id", "AuthSession"."token_hash" AS "AuthSession_token_hash", "AuthSession"."previous_token_hash" AS "AuthSession_previous_token_hash", "AuthSession"."expires_at" AS "AuthSession_expires_at", "AuthSession"."revoked_at" AS "AuthSession_revoked_at", "AuthSession"."user_agent" AS "AuthSession_user_agent", "AuthSession"."created_at" AS "AuthSession_created_at", "AuthSession"."last_used_at" AS "AuthSession_last_used_at" FROM "auth_sessions" "AuthSession" WHERE (((("AuthSession"."token_hash" = $1))) OR ((("AuthSession"."previous_token_hash" = $2)))) LIMIT 1 FOR UPDATE;

-- AuthRepository.retiredToken
SELECT "RetiredRefreshToken"."token_hash" AS "RetiredRefreshToken_token_hash", "RetiredRefreshToken"."auth_session_id" AS "RetiredRefreshToken_auth_session_id", "RetiredRefreshToken"."retired_at" AS "RetiredRefreshToken_retired_at" FROM "retired_refresh_tokens" "RetiredRefreshToken" WHERE (("RetiredRefreshToken"."token_hash" = $1)) LIMIT 1;

-- AuthRepository.user
SELECT "User"."id" AS "User_id", "User"."email" AS "User_email", "User"."display_name" AS "User_display_name", "User"."locale" AS "User_locale", "User"."is_platform_admin" AS "User_is_platform_admin", "User"."disabled_at" AS "User_disabled_at", "User"."created_at" AS "User_created_at", "User"."updated_at" AS "User_updated_at" FROM "users" "User" WHERE (("User"."id" = $1)) LIMIT 1;

-- AuthRepository.retireToken
INSERT INTO "retired_refresh_tokens"("token_hash", "auth_session_id", "retired_at") VALUES ($1, $2, DEFAULT) ON CONFLICT DO NOTHING  RETURNING "retired_at";

-- AuthRepository.rotate
UPDATE "auth_sessions" SET "previous_token_hash" = $1, "token_hash" = $2, "last_used_at" = $3 WHERE "id" IN ($4);

-- AuthRepository.revokeIfActive
UPDATE "auth_sessions" SET "revoked_at" = now() WHERE "id" = $1 AND "revoked_at" IS NULL;

-- AuthRepository.signInByToken
SELECT "AuthSession"."id" AS "AuthSession_id", "AuthSession"."user_id" AS "AuthSession_user_id", "AuthSession"."token_hash" AS "AuthSession_token_hash", "AuthSession"."previous_token_hash" AS "AuthSession_previous_token_hash", "AuthSession"."expires_at" AS "AuthSession_expires_at", "AuthSession"."revoked_at" AS "AuthSession_revoked_at", "AuthSession"."user_agent" AS "AuthSession_user_agent", "AuthSession"."created_at" AS "AuthSession_created_at", "AuthSession"."last_used_at" AS "AuthSession_last_used_at" FROM "auth_sessions" "AuthSession" WHERE (((("AuthSession"."token_hash" = $1))) OR ((("AuthSession"."previous_token_hash" = $2)))) LIMIT 1;

-- AuthRepository.signIn
SELECT "AuthSession"."id" AS "AuthSession_id", "AuthSession"."user_id" AS "AuthSession_user_id", "AuthSession"."token_hash" AS "AuthSession_token_hash", "AuthSession"."previous_token_hash" AS "AuthSession_previous_token_hash", "AuthSession"."expires_at" AS "AuthSession_expires_at", "AuthSession"."revoked_at" AS "AuthSession_revoked_at", "AuthSession"."user_agent" AS "AuthSession_user_agent", "AuthSession"."created_at" AS "AuthSession_created_at", "AuthSession"."last_used_at" AS "AuthSession_last_used_at" FROM "auth_sessions" "AuthSession" WHERE (("AuthSession"."id" = $1)) LIMIT 1;

-- AuthRepository.activeSignIns
SELECT "AuthSession"."id" AS "AuthSession_id" FROM "auth_sessions" "AuthSession" WHERE (("AuthSession"."user_id" = $1) AND ("AuthSession"."revoked_at" IS NULL) AND ("AuthSession"."expires_at" > $2));

-- AuthRepository.activeSignInsOf
SELECT "AuthSession"."id" AS "AuthSession_id", "AuthSession"."user_agent" AS "AuthSession_user_agent", "AuthSession"."created_at" AS "AuthSession_created_at", "AuthSession"."last_used_at" AS "AuthSession_last_used_at" FROM "auth_sessions" "AuthSession" WHERE (("AuthSession"."user_id" = $1) AND ("AuthSession"."revoked_at" IS NULL) AND ("AuthSession"."expires_at" > $2)) ORDER BY "AuthSession_last_used_at" DESC, "AuthSession_created_at" DESC;

-- AuthRepository.revoke
UPDATE "auth_sessions" SET "revoked_at" = $1 WHERE "id" IN ($2);
