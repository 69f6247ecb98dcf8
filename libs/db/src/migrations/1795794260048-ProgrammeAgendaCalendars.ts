import { MigrationInterface, QueryRunner } from "typeorm";

export class ProgrammeAgendaCalendars1795794260048 implements MigrationInterface {
    name = 'ProgrammeAgendaCalendars1795794260048'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "public"."IDX_b29da6b83a5b83bf8bed36c2f5"
        `);
        await queryRunner.query(`
            CREATE TABLE "agenda_items" (
                "user_id" uuid NOT NULL,
                "session_id" uuid NOT NULL,
                "event_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_3e14bc3c5aeeb13851e79b9a56f" PRIMARY KEY ("user_id", "session_id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_8c32ba08a6e7e9179b6d21ab22" ON "agenda_items" ("user_id", "event_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "calendar_feeds" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "user_id" uuid NOT NULL,
                "event_id" uuid NOT NULL,
                "token_hash" character(64) NOT NULL,
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_045067d8bb57f971f3c5426ea71" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_df53b5f17d35a6bac0fb13e16a" ON "calendar_feeds" ("token_hash")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_12fbeb35dd2e2da05f0aa551af" ON "calendar_feeds" ("user_id", "event_id")
        `);
        await queryRunner.query(`
            ALTER TABLE "stages"
            ADD "guid" uuid NOT NULL DEFAULT gen_random_uuid()
        `);
        await queryRunner.query(`
            ALTER TABLE "sessions"
            ADD "number" SERIAL NOT NULL
        `);
        await queryRunner.query(`
            ALTER TABLE "sessions"
            ADD "sequence" integer NOT NULL DEFAULT '0'
        `);
        await queryRunner.query(`
            ALTER TABLE "sessions"
            ADD "language" character varying(8)
        `);
        await queryRunner.query(`
            ALTER TABLE "speakers"
            ADD "guid" uuid NOT NULL DEFAULT gen_random_uuid()
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_cecf0586c2a2b4a0b727ec8c65" ON "sessions" ("stage_id", "starts_at")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_af9f1af7957f653b7c4ae8148a" ON "sessions" ("event_id", "guid")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_b8a353da5576b28b99d09bcb1c" ON "speakers" ("event_id", "guid")
        `);
        await queryRunner.query(`
            ALTER TABLE "agenda_items"
            ADD CONSTRAINT "FK_541aa6138bfecef6adc18451c68" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "agenda_items"
            ADD CONSTRAINT "FK_347b260ad84c70d36b0482d4ae7" FOREIGN KEY ("session_id") REFERENCES "sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "agenda_items"
            ADD CONSTRAINT "FK_3408e972de5b0585e93f7723415" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "calendar_feeds"
            ADD CONSTRAINT "FK_3212ce9ff23847e66347a6730d3" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "calendar_feeds"
            ADD CONSTRAINT "FK_7eb79c49eecaad4148c1db91313" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "calendar_feeds" DROP CONSTRAINT "FK_7eb79c49eecaad4148c1db91313"
        `);
        await queryRunner.query(`
            ALTER TABLE "calendar_feeds" DROP CONSTRAINT "FK_3212ce9ff23847e66347a6730d3"
        `);
        await queryRunner.query(`
            ALTER TABLE "agenda_items" DROP CONSTRAINT "FK_3408e972de5b0585e93f7723415"
        `);
        await queryRunner.query(`
            ALTER TABLE "agenda_items" DROP CONSTRAINT "FK_347b260ad84c70d36b0482d4ae7"
        `);
        await queryRunner.query(`
            ALTER TABLE "agenda_items" DROP CONSTRAINT "FK_541aa6138bfecef6adc18451c68"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_b8a353da5576b28b99d09bcb1c"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_af9f1af7957f653b7c4ae8148a"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_cecf0586c2a2b4a0b727ec8c65"
        `);
        await queryRunner.query(`
            ALTER TABLE "speakers" DROP COLUMN "guid"
        `);
        await queryRunner.query(`
            ALTER TABLE "sessions" DROP COLUMN "language"
        `);
        await queryRunner.query(`
            ALTER TABLE "sessions" DROP COLUMN "sequence"
        `);
        await queryRunner.query(`
            ALTER TABLE "sessions" DROP COLUMN "number"
        `);
        await queryRunner.query(`
            ALTER TABLE "stages" DROP COLUMN "guid"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_12fbeb35dd2e2da05f0aa551af"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_df53b5f17d35a6bac0fb13e16a"
        `);
        await queryRunner.query(`
            DROP TABLE "calendar_feeds"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_8c32ba08a6e7e9179b6d21ab22"
        `);
        await queryRunner.query(`
            DROP TABLE "agenda_items"
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_b29da6b83a5b83bf8bed36c2f5" ON "sessions" ("guid")
        `);
    }

}
