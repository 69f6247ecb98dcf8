import { MigrationInterface, QueryRunner } from "typeorm";

export class IdentityTrust1796410087690 implements MigrationInterface {
    name = 'IdentityTrust1796410087690'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "retired_refresh_tokens" (
                "token_hash" character(64) NOT NULL,
                "auth_session_id" uuid NOT NULL,
                "retired_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_e7a5086431f93a7c2d388933f95" PRIMARY KEY ("token_hash")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_913a469b640ff3e895b37c3554" ON "retired_refresh_tokens" ("auth_session_id")
        `);
        // Invitations made before this gave the membership at once; they keep their address and,
        // where the account still has no password, the right to set it.
        await queryRunner.query(`
            ALTER TABLE "invitations"
            ADD "email" character varying(254)
        `);
        await queryRunner.query(`
            ALTER TABLE "invitations"
            ADD "role" "public"."role"
        `);
        await queryRunner.query(`
            ALTER TABLE "invitations"
            ADD "session_id" uuid
        `);
        await queryRunner.query(`
            ALTER TABLE "invitations"
            ADD "booth_id" uuid
        `);
        await queryRunner.query(`
            ALTER TABLE "invitations"
            ADD "new_account" boolean NOT NULL DEFAULT false
        `);
        await queryRunner.query(`
            ALTER TABLE "invitations"
            ADD "declined_at" TIMESTAMP WITH TIME ZONE
        `);
        await queryRunner.query(`
            UPDATE "invitations" i
            SET "email" = u."email", "role" = 'attendee', "new_account" = u."password_hash" IS NULL
            FROM "users" u WHERE u."id" = i."user_id"
        `);
        await queryRunner.query(`
            ALTER TABLE "invitations" ALTER COLUMN "email" SET NOT NULL
        `);
        await queryRunner.query(`
            ALTER TABLE "invitations" ALTER COLUMN "role" SET NOT NULL
        `);
        await queryRunner.query(`
            ALTER TABLE "invitations"
            ADD CONSTRAINT "FK_a12ada9044e85b26f23c2ad5744" FOREIGN KEY ("session_id") REFERENCES "sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "invitations"
            ADD CONSTRAINT "FK_ec8922f90fbfb07faf014d3641f" FOREIGN KEY ("booth_id") REFERENCES "booths"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "retired_refresh_tokens"
            ADD CONSTRAINT "FK_913a469b640ff3e895b37c3554f" FOREIGN KEY ("auth_session_id") REFERENCES "auth_sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "retired_refresh_tokens" DROP CONSTRAINT "FK_913a469b640ff3e895b37c3554f"
        `);
        await queryRunner.query(`
            ALTER TABLE "invitations" DROP CONSTRAINT "FK_ec8922f90fbfb07faf014d3641f"
        `);
        await queryRunner.query(`
            ALTER TABLE "invitations" DROP CONSTRAINT "FK_a12ada9044e85b26f23c2ad5744"
        `);
        await queryRunner.query(`
            ALTER TABLE "invitations" DROP COLUMN "declined_at"
        `);
        await queryRunner.query(`
            ALTER TABLE "invitations" DROP COLUMN "new_account"
        `);
        await queryRunner.query(`
            ALTER TABLE "invitations" DROP COLUMN "booth_id"
        `);
        await queryRunner.query(`
            ALTER TABLE "invitations" DROP COLUMN "session_id"
        `);
        await queryRunner.query(`
            ALTER TABLE "invitations" DROP COLUMN "role"
        `);
        await queryRunner.query(`
            ALTER TABLE "invitations" DROP COLUMN "email"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_913a469b640ff3e895b37c3554"
        `);
        await queryRunner.query(`
            DROP TABLE "retired_refresh_tokens"
        `);
    }

}
