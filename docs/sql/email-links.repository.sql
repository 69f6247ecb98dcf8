-- EmailLinksRepository.userByEmail
SELECT "User"."id" AS "User_id", "User"."email" AS "User_email", "User"."display_name" AS "User_display_name", "User"."locale" AS "User_locale", "User"."is_platform_admin" AS "User_is_platform_admin", "User"."disabled_at" AS "User_disabled_at", "User"."created_at" AS "User_created_at", "User"."updated_at" AS "User_updated_at" FROM "users" "User" WHERE (("User"."email" = $1)) LIMIT 1;

-- EmailLinksRepository.find
SELECT "SignInLink"."id" AS "SignInLink_id", "SignInLink"."user_id" AS "SignInLink_user_id", "SignInLink"."purpose" AS "SignInLink_purpose", "SignInLink"."token_hash" AS "SignInLink_token_hash", "SignInLink"."expires_at" AS "SignInLink_expires_at", "SignInLink"."used_at" AS "SignInLink_used_at", "SignInLink"."created_at" AS "SignInLink_created_at" FROM "sign_in_links" "SignInLink" WHERE (("SignInLink"."id" = $1)) LIMIT 1;

-- EmailLinksRepository.insert
INSERT INTO "sign_in_links"("id", "user_id", "purpose", "token_hash", "expires_at", "used_at", "created_at") VALUES ($1, $2, $3, $4, $5, $6, DEFAULT) ON CONFLICT DO NOTHING  RETURNING "created_at";

-- EmailLinksRepository.use
UPDATE "sign_in_links" SET "used_at" = now() WHERE "token_hash" = $1 AND "purpose" = $2 AND "used_at" IS NULL AND "expires_at" > now() RETURNING "user_id";

-- EmailLinksRepository.useAllOpen
UPDATE "sign_in_links" SET "used_at" = now() WHERE "user_id" = $1 AND "purpose" = $2 AND "used_at" IS NULL;

-- EmailLinksRepository.setPassword
UPDATE "users" SET "password_hash" = $1, "updated_at" = CURRENT_TIMESTAMP WHERE "id" IN ($2);

-- EmailLinksRepository.user
SELECT "User"."id" AS "User_id", "User"."email" AS "User_email", "User"."display_name" AS "User_display_name", "User"."locale" AS "User_locale", "User"."is_platform_admin" AS "User_is_platform_admin", "User"."disabled_at" AS "User_disabled_at", "User"."created_at" AS "User_created_at", "User"."updated_at" AS "User_updated_at" FROM "users" "User" WHERE (("User"."id" = $1)) LIMIT 1;
