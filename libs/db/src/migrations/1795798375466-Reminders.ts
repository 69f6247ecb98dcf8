import { MigrationInterface, QueryRunner } from "typeorm";

export class Reminders1795798375466 implements MigrationInterface {
    name = 'Reminders1795798375466'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "announcements" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "event_id" uuid NOT NULL,
                "author_id" uuid,
                "role" character varying(20),
                "channels" character varying(10) array NOT NULL,
                "title" character varying(200) NOT NULL,
                "body" text NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_b3ad760876ff2e19d58e05dc8b0" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_8d7e2b3107d07310e7adcf2be8" ON "announcements" ("event_id", "created_at")
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."notification_kind" AS ENUM(
                'reminder',
                'session-moved',
                'session-cancelled',
                'announcement'
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "notifications" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "user_id" uuid NOT NULL,
                "event_id" uuid NOT NULL,
                "delivery_id" uuid NOT NULL,
                "kind" "public"."notification_kind" NOT NULL,
                "title" character varying(300) NOT NULL,
                "body" text NOT NULL,
                "link" character varying(500),
                "session_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "read_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_6a72c3c0f683f6462415e653c3a" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_e3734e07713085ced19176d4d0" ON "notifications" ("delivery_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_310667f935698fcd8cb319113a" ON "notifications" ("user_id", "created_at")
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."delivery_kind" AS ENUM(
                'reminder',
                'session-moved',
                'session-cancelled',
                'announcement'
            )
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."delivery_channel" AS ENUM('in-app', 'email')
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."delivery_status" AS ENUM('pending', 'sent', 'failed')
        `);
        await queryRunner.query(`
            CREATE TABLE "reminder_deliveries" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "event_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "subject" character varying(120) NOT NULL,
                "kind" "public"."delivery_kind" NOT NULL,
                "session_id" uuid,
                "announcement_id" uuid,
                "offset_minutes" integer,
                "channel" "public"."delivery_channel" NOT NULL,
                "status" "public"."delivery_status" NOT NULL DEFAULT 'pending',
                "attempts" integer NOT NULL DEFAULT '0',
                "last_error" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "sent_at" TIMESTAMP WITH TIME ZONE,
                "failed_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_27a51a312a6045e6390716e6de0" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_4de9ef1b5896783d6027b43dcc" ON "reminder_deliveries" ("event_id", "status")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_989c8c2ec409fbdcdce91ab3a2" ON "reminder_deliveries" ("user_id", "subject", "channel")
        `);
        await queryRunner.query(`
            CREATE TABLE "reminder_preferences" (
                "user_id" uuid NOT NULL,
                "event_id" uuid NOT NULL,
                "enabled" boolean NOT NULL DEFAULT true,
                "offsets_minutes" integer array,
                "channels" character varying(10) array NOT NULL DEFAULT '{in-app,email}',
                "all_keynotes" boolean NOT NULL DEFAULT false,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_0d1a3d694032da770b272b62ea9" PRIMARY KEY ("user_id", "event_id")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "reminder_settings" (
                "event_id" uuid NOT NULL,
                "offsets_minutes" integer array NOT NULL,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_564c10be5bf437d967f971c4c04" PRIMARY KEY ("event_id")
            )
        `);
        await queryRunner.query(`
            ALTER TABLE "announcements"
            ADD CONSTRAINT "FK_3aa1ff684ac5d194a77c07c3754" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "notifications"
            ADD CONSTRAINT "FK_9a8a82462cab47c73d25f49261f" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "notifications"
            ADD CONSTRAINT "FK_6e28bd266f2b68f73f1a5d7a462" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "reminder_deliveries"
            ADD CONSTRAINT "FK_462dccded1b9320773dd6b3290a" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "reminder_deliveries"
            ADD CONSTRAINT "FK_120aa4e2b6349b1a1fd33237134" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "reminder_preferences"
            ADD CONSTRAINT "FK_a2eeb77999349c8777d23b05ccd" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "reminder_preferences"
            ADD CONSTRAINT "FK_a91a38a4ccc3370606dbe42eb98" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "reminder_settings"
            ADD CONSTRAINT "FK_564c10be5bf437d967f971c4c04" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "reminder_settings" DROP CONSTRAINT "FK_564c10be5bf437d967f971c4c04"
        `);
        await queryRunner.query(`
            ALTER TABLE "reminder_preferences" DROP CONSTRAINT "FK_a91a38a4ccc3370606dbe42eb98"
        `);
        await queryRunner.query(`
            ALTER TABLE "reminder_preferences" DROP CONSTRAINT "FK_a2eeb77999349c8777d23b05ccd"
        `);
        await queryRunner.query(`
            ALTER TABLE "reminder_deliveries" DROP CONSTRAINT "FK_120aa4e2b6349b1a1fd33237134"
        `);
        await queryRunner.query(`
            ALTER TABLE "reminder_deliveries" DROP CONSTRAINT "FK_462dccded1b9320773dd6b3290a"
        `);
        await queryRunner.query(`
            ALTER TABLE "notifications" DROP CONSTRAINT "FK_6e28bd266f2b68f73f1a5d7a462"
        `);
        await queryRunner.query(`
            ALTER TABLE "notifications" DROP CONSTRAINT "FK_9a8a82462cab47c73d25f49261f"
        `);
        await queryRunner.query(`
            ALTER TABLE "announcements" DROP CONSTRAINT "FK_3aa1ff684ac5d194a77c07c3754"
        `);
        await queryRunner.query(`
            DROP TABLE "reminder_settings"
        `);
        await queryRunner.query(`
            DROP TABLE "reminder_preferences"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_989c8c2ec409fbdcdce91ab3a2"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_4de9ef1b5896783d6027b43dcc"
        `);
        await queryRunner.query(`
            DROP TABLE "reminder_deliveries"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."delivery_status"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."delivery_channel"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."delivery_kind"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_310667f935698fcd8cb319113a"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_e3734e07713085ced19176d4d0"
        `);
        await queryRunner.query(`
            DROP TABLE "notifications"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."notification_kind"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_8d7e2b3107d07310e7adcf2be8"
        `);
        await queryRunner.query(`
            DROP TABLE "announcements"
        `);
    }

}
