import { MigrationInterface, QueryRunner } from "typeorm";

export class PrivacyReports1795805806772 implements MigrationInterface {
    name = 'PrivacyReports1795805806772'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "booth_visits" DROP CONSTRAINT "FK_cd6328d334317d4202977cb28bb"
        `);
        await queryRunner.query(`
            CREATE TABLE "event_privacy_settings" (
                "event_id" uuid NOT NULL,
                "attendance_retention_days" integer,
                "attendance_anonymised_at" TIMESTAMP WITH TIME ZONE,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_cdf8175b6aa3900435a117cb10" CHECK (
                    "attendance_retention_days" IS NULL
                    OR "attendance_retention_days" BETWEEN 0 AND 3650
                ),
                CONSTRAINT "PK_08db09adcd617cc1669860d96db" PRIMARY KEY ("event_id")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "presence_intervals" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "event_id" uuid NOT NULL,
                "room" character varying(80) NOT NULL,
                "user_id" uuid,
                "pseudonym" uuid,
                "entered_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "left_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_6c4bd93f9709012da05f5f2ecfb" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_36dd29e6229ae7bcaf478df056" ON "presence_intervals" ("user_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_983022dde8a095a844c5781217" ON "presence_intervals" ("event_id", "entered_at")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_26699ac5bfeccf545504f05098" ON "presence_intervals" ("room", "entered_at")
        `);
        await queryRunner.query(`
            ALTER TABLE "attendance_intervals"
            ADD "user_id" uuid
        `);
        await queryRunner.query(`
            ALTER TABLE "booth_visits"
            ADD "pseudonym" uuid
        `);
        await queryRunner.query(`
            ALTER TABLE "booth_visits"
            ALTER COLUMN "user_id" DROP NOT NULL
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_edb8922909eee0f4373fe338bd" ON "attendance_intervals" ("user_id")
        `);
        await queryRunner.query(`
            ALTER TABLE "announcements"
            ADD CONSTRAINT "FK_0a13cf0aa1f1a2666699ff473f0" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "attendance_intervals"
            ADD CONSTRAINT "FK_edb8922909eee0f4373fe338bd0" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "audit_logs"
            ADD CONSTRAINT "FK_177183f29f438c488b5e8510cdb" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "booth_visits"
            ADD CONSTRAINT "FK_cd6328d334317d4202977cb28bb" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "event_privacy_settings"
            ADD CONSTRAINT "FK_08db09adcd617cc1669860d96db" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "live_speakers"
            ADD CONSTRAINT "FK_949704f2bbabfbc7e9f76227049" FOREIGN KEY ("taken_live_by_id") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "polls"
            ADD CONSTRAINT "FK_3c4bc0ee310e43db837c1db5a2b" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "presence_intervals"
            ADD CONSTRAINT "FK_1140730b5dcf1e5cffcbe5834d1" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "presence_intervals"
            ADD CONSTRAINT "FK_36dd29e6229ae7bcaf478df0569" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "questions"
            ADD CONSTRAINT "FK_6776c6938aecf77965c81c4afd7" FOREIGN KEY ("decided_by_id") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "questions" DROP CONSTRAINT "FK_6776c6938aecf77965c81c4afd7"
        `);
        await queryRunner.query(`
            ALTER TABLE "presence_intervals" DROP CONSTRAINT "FK_36dd29e6229ae7bcaf478df0569"
        `);
        await queryRunner.query(`
            ALTER TABLE "presence_intervals" DROP CONSTRAINT "FK_1140730b5dcf1e5cffcbe5834d1"
        `);
        await queryRunner.query(`
            ALTER TABLE "polls" DROP CONSTRAINT "FK_3c4bc0ee310e43db837c1db5a2b"
        `);
        await queryRunner.query(`
            ALTER TABLE "live_speakers" DROP CONSTRAINT "FK_949704f2bbabfbc7e9f76227049"
        `);
        await queryRunner.query(`
            ALTER TABLE "event_privacy_settings" DROP CONSTRAINT "FK_08db09adcd617cc1669860d96db"
        `);
        await queryRunner.query(`
            ALTER TABLE "booth_visits" DROP CONSTRAINT "FK_cd6328d334317d4202977cb28bb"
        `);
        await queryRunner.query(`
            ALTER TABLE "audit_logs" DROP CONSTRAINT "FK_177183f29f438c488b5e8510cdb"
        `);
        await queryRunner.query(`
            ALTER TABLE "attendance_intervals" DROP CONSTRAINT "FK_edb8922909eee0f4373fe338bd0"
        `);
        await queryRunner.query(`
            ALTER TABLE "announcements" DROP CONSTRAINT "FK_0a13cf0aa1f1a2666699ff473f0"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_edb8922909eee0f4373fe338bd"
        `);
        await queryRunner.query(`
            ALTER TABLE "booth_visits"
            ALTER COLUMN "user_id"
            SET NOT NULL
        `);
        await queryRunner.query(`
            ALTER TABLE "booth_visits" DROP COLUMN "pseudonym"
        `);
        await queryRunner.query(`
            ALTER TABLE "attendance_intervals" DROP COLUMN "user_id"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_26699ac5bfeccf545504f05098"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_983022dde8a095a844c5781217"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_36dd29e6229ae7bcaf478df056"
        `);
        await queryRunner.query(`
            DROP TABLE "presence_intervals"
        `);
        await queryRunner.query(`
            DROP TABLE "event_privacy_settings"
        `);
        await queryRunner.query(`
            ALTER TABLE "booth_visits"
            ADD CONSTRAINT "FK_cd6328d334317d4202977cb28bb" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

}
