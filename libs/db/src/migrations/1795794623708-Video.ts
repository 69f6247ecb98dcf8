import { MigrationInterface, QueryRunner } from "typeorm";

export class Video1795794623708 implements MigrationInterface {
    name = 'Video1795794623708'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "attendance_intervals" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "event_id" uuid NOT NULL,
                "session_id" uuid NOT NULL,
                "room" character varying(200) NOT NULL,
                "participant_sid" character varying(100) NOT NULL,
                "identity" character varying(200) NOT NULL,
                "joined_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "left_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_e7dbb77bab79df08d8861871bae" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_f67998d41e6c78a94cb62590d2" ON "attendance_intervals" ("participant_sid")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_edfaa6647b5824b7e659e0c27b" ON "attendance_intervals" ("session_id", "joined_at")
        `);
        await queryRunner.query(`
            CREATE TABLE "livekit_webhook_events" (
                "id" character varying(100) NOT NULL,
                "event" character varying(40) NOT NULL,
                "room" character varying(200),
                "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_fb17dda2d0710d2c67269abe46c" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "live_speakers" (
                "session_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "event_id" uuid NOT NULL,
                "taken_live_by_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_30b92fec6131f40136c17ed1519" PRIMARY KEY ("session_id", "user_id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_fc101754c34ac410d34ae2fdfa" ON "live_speakers" ("event_id")
        `);
        await queryRunner.query(`
            ALTER TABLE "attendance_intervals"
            ADD CONSTRAINT "FK_b8e76c81b05bea350e3d9c31634" FOREIGN KEY ("session_id") REFERENCES "sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "live_speakers"
            ADD CONSTRAINT "FK_03c5a8d0a4d32a1bfaac87b20ee" FOREIGN KEY ("session_id") REFERENCES "sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "live_speakers"
            ADD CONSTRAINT "FK_712ef171da99570107cfa53a9a1" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "live_speakers"
            ADD CONSTRAINT "FK_fc101754c34ac410d34ae2fdfa9" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "live_speakers" DROP CONSTRAINT "FK_fc101754c34ac410d34ae2fdfa9"
        `);
        await queryRunner.query(`
            ALTER TABLE "live_speakers" DROP CONSTRAINT "FK_712ef171da99570107cfa53a9a1"
        `);
        await queryRunner.query(`
            ALTER TABLE "live_speakers" DROP CONSTRAINT "FK_03c5a8d0a4d32a1bfaac87b20ee"
        `);
        await queryRunner.query(`
            ALTER TABLE "attendance_intervals" DROP CONSTRAINT "FK_b8e76c81b05bea350e3d9c31634"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_fc101754c34ac410d34ae2fdfa"
        `);
        await queryRunner.query(`
            DROP TABLE "live_speakers"
        `);
        await queryRunner.query(`
            DROP TABLE "livekit_webhook_events"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_edfaa6647b5824b7e659e0c27b"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_f67998d41e6c78a94cb62590d2"
        `);
        await queryRunner.query(`
            DROP TABLE "attendance_intervals"
        `);
    }

}
