import { MigrationInterface, QueryRunner } from "typeorm";

export class Foundation1795793514741 implements MigrationInterface {
    name = 'Foundation1795793514741'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "audit_logs" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "event_id" uuid,
                "actor_id" uuid,
                "action" character varying(80) NOT NULL,
                "target_type" character varying(40) NOT NULL,
                "target_id" character varying(80),
                "details" jsonb NOT NULL DEFAULT '{}',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_1bb179d048bbc581caa3b013439" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_a5d8b779452b281343886ee236" ON "audit_logs" ("event_id", "created_at")
        `);
        await queryRunner.query(`
            CREATE TABLE "users" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "email" character varying(254) NOT NULL,
                "display_name" character varying(120) NOT NULL,
                "password_hash" character varying(255),
                "locale" character varying(2) NOT NULL DEFAULT 'de',
                "is_platform_admin" boolean NOT NULL DEFAULT false,
                "disabled_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_97672ac88f789774dd47f7c8be" ON "users" ("email")
        `);
        await queryRunner.query(`
            CREATE TABLE "auth_sessions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "user_id" uuid NOT NULL,
                "token_hash" character(64) NOT NULL,
                "previous_token_hash" character(64),
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                "user_agent" character varying(300),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "last_used_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_641507381f32580e8479efc36cd" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_50ccaa6440288a06f0ba693ccc" ON "auth_sessions" ("user_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_fc7c8b01bebb6839399c494d68" ON "auth_sessions" ("token_hash")
        `);
        await queryRunner.query(`
            CREATE TABLE "events" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "slug" character varying(64) NOT NULL,
                "title" character varying(200) NOT NULL,
                "description" text NOT NULL DEFAULT '',
                "time_zone" character varying(64) NOT NULL,
                "starts_on" date NOT NULL,
                "ends_on" date NOT NULL,
                "default_locale" character varying(2) NOT NULL DEFAULT 'de',
                "logo" bytea,
                "logo_content_type" character varying(40),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_40731c7151fe4be3116e45ddf73" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_05bd884c03d3f424e2204bd14c" ON "events" ("slug")
        `);
        await queryRunner.query(`
            CREATE TABLE "booths" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "event_id" uuid NOT NULL,
                "slug" character varying(80) NOT NULL,
                "organisation" character varying(200) NOT NULL,
                "tagline" character varying(300) NOT NULL DEFAULT '',
                "description" text NOT NULL DEFAULT '',
                "tier" character varying(20) NOT NULL DEFAULT 'standard',
                "topics" text array NOT NULL DEFAULT '{}',
                "position" integer NOT NULL DEFAULT '0',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_13c9749e8a08d40cc3257ef7360" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_0ced87a94a28ce2818c27889da" ON "booths" ("event_id", "slug")
        `);
        await queryRunner.query(`
            CREATE TABLE "invitations" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "event_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "invited_by_id" uuid,
                "token_hash" character(64) NOT NULL,
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "accepted_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_5dec98cfdfd562e4ad3648bbb07" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_fecdffec754fa4d5cea9870977" ON "invitations" ("user_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_872ac94a64b3d44fc4b554780c" ON "invitations" ("token_hash")
        `);
        await queryRunner.query(`
            CREATE TABLE "stages" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "event_id" uuid NOT NULL,
                "name" character varying(120) NOT NULL,
                "position" integer NOT NULL DEFAULT '0',
                CONSTRAINT "PK_16efa0f8f5386328944769b9e6d" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_b10a8b62ee427b98dea325b68e" ON "stages" ("event_id", "name")
        `);
        await queryRunner.query(`
            CREATE TABLE "tracks" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "event_id" uuid NOT NULL,
                "name" character varying(120) NOT NULL,
                "color" character varying(7) NOT NULL DEFAULT '#3a6ea5',
                CONSTRAINT "PK_242a37ffc7870380f0e611986e8" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_5874d0dd34e52359145e566bde" ON "tracks" ("event_id", "name")
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."session_kind" AS ENUM(
                'keynote',
                'talk',
                'panel',
                'workshop',
                'forum',
                'break',
                'expo'
            )
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."session_state" AS ENUM('scheduled', 'live', 'ended', 'cancelled')
        `);
        await queryRunner.query(`
            CREATE TABLE "sessions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "guid" uuid NOT NULL DEFAULT gen_random_uuid(),
                "event_id" uuid NOT NULL,
                "stage_id" uuid,
                "track_id" uuid,
                "kind" "public"."session_kind" NOT NULL,
                "title" character varying(300) NOT NULL,
                "abstract" text NOT NULL DEFAULT '',
                "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "state" "public"."session_state" NOT NULL DEFAULT 'scheduled',
                "capacity" integer,
                "stream_url" character varying(2000),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_afe21e61e46903d789fceedf47" CHECK (
                    "capacity" IS NULL
                    OR "capacity" >= 0
                ),
                CONSTRAINT "CHK_7c1c0862b1bed5fe7b210b336b" CHECK ("ends_at" > "starts_at"),
                CONSTRAINT "PK_3238ef96f18b355b671619111bc" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_b29da6b83a5b83bf8bed36c2f5" ON "sessions" ("guid")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_f1338b68e320b796802b194658" ON "sessions" ("event_id", "starts_at")
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."role" AS ENUM(
                'organizer',
                'moderator',
                'speaker',
                'exhibitor',
                'attendee'
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "memberships" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "event_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "role" "public"."role" NOT NULL,
                "session_id" uuid,
                "booth_id" uuid,
                "scope" character varying(60) NOT NULL DEFAULT 'event',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_25d28bd932097a9e90495ede7b4" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_cc7b1ba2d8b07734636f65e5ce" ON "memberships" ("event_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_7c1e2fdfed4f6838e0c05ae505" ON "memberships" ("user_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_5495f592ea714f74b213c79fc7" ON "memberships" ("event_id", "user_id", "role", "scope")
        `);
        await queryRunner.query(`
            CREATE TABLE "speakers" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "event_id" uuid NOT NULL,
                "user_id" uuid,
                "name" character varying(160) NOT NULL,
                "title" character varying(200) NOT NULL DEFAULT '',
                "organisation" character varying(200) NOT NULL DEFAULT '',
                "biography" text NOT NULL DEFAULT '',
                "photo_url" character varying(2000),
                "links" jsonb NOT NULL DEFAULT '[]',
                CONSTRAINT "PK_b3818c94af77a0cf73403ecef14" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_b0e89a13a034b0824c10c8f929" ON "speakers" ("event_id", "name")
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."speaker_part" AS ENUM('speaker', 'moderator', 'host')
        `);
        await queryRunner.query(`
            CREATE TABLE "session_speakers" (
                "session_id" uuid NOT NULL,
                "speaker_id" uuid NOT NULL,
                "part" "public"."speaker_part" NOT NULL DEFAULT 'speaker',
                "position" integer NOT NULL DEFAULT '0',
                CONSTRAINT "PK_1e045acbaae611353739e61d856" PRIMARY KEY ("session_id", "speaker_id")
            )
        `);
        await queryRunner.query(`
            ALTER TABLE "auth_sessions"
            ADD CONSTRAINT "FK_50ccaa6440288a06f0ba693ccc6" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "booths"
            ADD CONSTRAINT "FK_c7d005f02387fbfdac4c727e287" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "invitations"
            ADD CONSTRAINT "FK_d4dcb14581e4fafa601e15e3533" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "invitations"
            ADD CONSTRAINT "FK_fecdffec754fa4d5cea98709776" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "invitations"
            ADD CONSTRAINT "FK_d4de0403dd012cf87b430af70ef" FOREIGN KEY ("invited_by_id") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "stages"
            ADD CONSTRAINT "FK_d51c6a91aca674b2a33b28335b3" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "tracks"
            ADD CONSTRAINT "FK_de1f8d81fc84ac64664a50b08ef" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "sessions"
            ADD CONSTRAINT "FK_98fcc611bf939573cac8251a2ac" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "sessions"
            ADD CONSTRAINT "FK_e875909ceb0dd704f6740a8953c" FOREIGN KEY ("stage_id") REFERENCES "stages"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "sessions"
            ADD CONSTRAINT "FK_3d65618d15457ccefc0354a35b8" FOREIGN KEY ("track_id") REFERENCES "tracks"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "memberships"
            ADD CONSTRAINT "FK_cc7b1ba2d8b07734636f65e5ce4" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "memberships"
            ADD CONSTRAINT "FK_7c1e2fdfed4f6838e0c05ae5051" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "memberships"
            ADD CONSTRAINT "FK_02cfb3930fb18fdaf97bbb77c1a" FOREIGN KEY ("session_id") REFERENCES "sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "memberships"
            ADD CONSTRAINT "FK_b0585ba1f84f10ff2b203d3f19c" FOREIGN KEY ("booth_id") REFERENCES "booths"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "speakers"
            ADD CONSTRAINT "FK_88725fd290d37f463ca956ccad3" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "speakers"
            ADD CONSTRAINT "FK_ee8517e89ba41e578cb6fe1bd80" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "session_speakers"
            ADD CONSTRAINT "FK_0b34864cef1c5f92554d6b52b28" FOREIGN KEY ("session_id") REFERENCES "sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "session_speakers"
            ADD CONSTRAINT "FK_6e16e562ec0a46a3e2acae145ad" FOREIGN KEY ("speaker_id") REFERENCES "speakers"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "session_speakers" DROP CONSTRAINT "FK_6e16e562ec0a46a3e2acae145ad"
        `);
        await queryRunner.query(`
            ALTER TABLE "session_speakers" DROP CONSTRAINT "FK_0b34864cef1c5f92554d6b52b28"
        `);
        await queryRunner.query(`
            ALTER TABLE "speakers" DROP CONSTRAINT "FK_ee8517e89ba41e578cb6fe1bd80"
        `);
        await queryRunner.query(`
            ALTER TABLE "speakers" DROP CONSTRAINT "FK_88725fd290d37f463ca956ccad3"
        `);
        await queryRunner.query(`
            ALTER TABLE "memberships" DROP CONSTRAINT "FK_b0585ba1f84f10ff2b203d3f19c"
        `);
        await queryRunner.query(`
            ALTER TABLE "memberships" DROP CONSTRAINT "FK_02cfb3930fb18fdaf97bbb77c1a"
        `);
        await queryRunner.query(`
            ALTER TABLE "memberships" DROP CONSTRAINT "FK_7c1e2fdfed4f6838e0c05ae5051"
        `);
        await queryRunner.query(`
            ALTER TABLE "memberships" DROP CONSTRAINT "FK_cc7b1ba2d8b07734636f65e5ce4"
        `);
        await queryRunner.query(`
            ALTER TABLE "sessions" DROP CONSTRAINT "FK_3d65618d15457ccefc0354a35b8"
        `);
        await queryRunner.query(`
            ALTER TABLE "sessions" DROP CONSTRAINT "FK_e875909ceb0dd704f6740a8953c"
        `);
        await queryRunner.query(`
            ALTER TABLE "sessions" DROP CONSTRAINT "FK_98fcc611bf939573cac8251a2ac"
        `);
        await queryRunner.query(`
            ALTER TABLE "tracks" DROP CONSTRAINT "FK_de1f8d81fc84ac64664a50b08ef"
        `);
        await queryRunner.query(`
            ALTER TABLE "stages" DROP CONSTRAINT "FK_d51c6a91aca674b2a33b28335b3"
        `);
        await queryRunner.query(`
            ALTER TABLE "invitations" DROP CONSTRAINT "FK_d4de0403dd012cf87b430af70ef"
        `);
        await queryRunner.query(`
            ALTER TABLE "invitations" DROP CONSTRAINT "FK_fecdffec754fa4d5cea98709776"
        `);
        await queryRunner.query(`
            ALTER TABLE "invitations" DROP CONSTRAINT "FK_d4dcb14581e4fafa601e15e3533"
        `);
        await queryRunner.query(`
            ALTER TABLE "booths" DROP CONSTRAINT "FK_c7d005f02387fbfdac4c727e287"
        `);
        await queryRunner.query(`
            ALTER TABLE "auth_sessions" DROP CONSTRAINT "FK_50ccaa6440288a06f0ba693ccc6"
        `);
        await queryRunner.query(`
            DROP TABLE "session_speakers"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."speaker_part"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_b0e89a13a034b0824c10c8f929"
        `);
        await queryRunner.query(`
            DROP TABLE "speakers"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_5495f592ea714f74b213c79fc7"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_7c1e2fdfed4f6838e0c05ae505"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_cc7b1ba2d8b07734636f65e5ce"
        `);
        await queryRunner.query(`
            DROP TABLE "memberships"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."role"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_f1338b68e320b796802b194658"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_b29da6b83a5b83bf8bed36c2f5"
        `);
        await queryRunner.query(`
            DROP TABLE "sessions"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."session_state"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."session_kind"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_5874d0dd34e52359145e566bde"
        `);
        await queryRunner.query(`
            DROP TABLE "tracks"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_b10a8b62ee427b98dea325b68e"
        `);
        await queryRunner.query(`
            DROP TABLE "stages"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_872ac94a64b3d44fc4b554780c"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_fecdffec754fa4d5cea9870977"
        `);
        await queryRunner.query(`
            DROP TABLE "invitations"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_0ced87a94a28ce2818c27889da"
        `);
        await queryRunner.query(`
            DROP TABLE "booths"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_05bd884c03d3f424e2204bd14c"
        `);
        await queryRunner.query(`
            DROP TABLE "events"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_fc7c8b01bebb6839399c494d68"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_50ccaa6440288a06f0ba693ccc"
        `);
        await queryRunner.query(`
            DROP TABLE "auth_sessions"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_97672ac88f789774dd47f7c8be"
        `);
        await queryRunner.query(`
            DROP TABLE "users"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_a5d8b779452b281343886ee236"
        `);
        await queryRunner.query(`
            DROP TABLE "audit_logs"
        `);
    }

}
