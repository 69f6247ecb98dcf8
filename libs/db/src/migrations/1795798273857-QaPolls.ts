import { MigrationInterface, QueryRunner } from "typeorm";

export class QaPolls1795798273857 implements MigrationInterface {
    name = 'QaPolls1795798273857'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TYPE "public"."poll_kind" AS ENUM('single', 'multiple')
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."poll_state" AS ENUM('draft', 'open', 'closed')
        `);
        await queryRunner.query(`
            CREATE TABLE "polls" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "event_id" uuid NOT NULL,
                "session_id" uuid NOT NULL,
                "question" text NOT NULL,
                "kind" "public"."poll_kind" NOT NULL,
                "options" jsonb NOT NULL,
                "state" "public"."poll_state" NOT NULL DEFAULT 'draft',
                "created_by_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "opened_at" TIMESTAMP WITH TIME ZONE,
                "closed_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "CHK_2674d7880f2096a428b628758f" CHECK (
                    jsonb_array_length("options") BETWEEN 2 AND 10
                ),
                CONSTRAINT "CHK_d350b9b44f060fd477f33c6144" CHECK (char_length("question") <= 300),
                CONSTRAINT "PK_b9bbb8fc7b142553c518ddffbb6" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_3cbe8123f4655a4aaa4092efc7" ON "polls" ("event_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_26b799d96185cb19c85a6046a7" ON "polls" ("session_id", "created_at")
        `);
        await queryRunner.query(`
            CREATE TABLE "poll_votes" (
                "poll_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "choices" smallint array NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_6f4905dd1e5821a7a1e570152d" CHECK (
                    cardinality("choices") BETWEEN 1 AND 10
                ),
                CONSTRAINT "PK_56885e986785605f7697cbc0033" PRIMARY KEY ("poll_id", "user_id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_ad381571393d520e921beaf1fe" ON "poll_votes" ("user_id")
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."question_state" AS ENUM('pending', 'approved', 'dismissed', 'answered')
        `);
        await queryRunner.query(`
            CREATE TABLE "questions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "event_id" uuid NOT NULL,
                "session_id" uuid NOT NULL,
                "author_id" uuid,
                "body" text NOT NULL,
                "anonymous" boolean NOT NULL DEFAULT false,
                "state" "public"."question_state" NOT NULL DEFAULT 'pending',
                "vote_count" integer NOT NULL DEFAULT '0',
                "on_screen" boolean NOT NULL DEFAULT false,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "edited_at" TIMESTAMP WITH TIME ZONE,
                "decided_by_id" uuid,
                "decided_at" TIMESTAMP WITH TIME ZONE,
                "dismiss_reason" character varying(500),
                "answered_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "CHK_c04c5c138757b27fd4eb80024b" CHECK (
                    "on_screen" = false
                    OR "state" IN ('approved', 'answered')
                ),
                CONSTRAINT "CHK_049d7bbf315a78b116925e5b41" CHECK ("vote_count" >= 0),
                CONSTRAINT "CHK_05e0632c08916ad7ca0649bc97" CHECK (char_length("body") <= 500),
                CONSTRAINT "PK_08a6d4b0f49ff300bf3a0ca60ac" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_8815002c2962454d04833dae35" ON "questions" ("event_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_dcaac7adf4b5af7bc980ec5250" ON "questions" ("author_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_questions_on_screen" ON "questions" ("session_id")
            WHERE "on_screen"
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_4407cafd0065cc9fcd30fd54e8" ON "questions" ("session_id", "state")
        `);
        await queryRunner.query(`
            CREATE TABLE "question_votes" (
                "question_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_b192f4094aec328ef306e5662b6" PRIMARY KEY ("question_id", "user_id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_b3fd868c90abc25cab8159c488" ON "question_votes" ("user_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "session_qa" (
                "session_id" uuid NOT NULL,
                "event_id" uuid NOT NULL,
                "open" boolean NOT NULL DEFAULT true,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_0b8b0cf00cd8d0bc96c9961d92c" PRIMARY KEY ("session_id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_04371b8eb7754e2d9ced5cf8b4" ON "session_qa" ("event_id")
        `);
        await queryRunner.query(`
            ALTER TABLE "polls"
            ADD CONSTRAINT "FK_3cbe8123f4655a4aaa4092efc7c" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "polls"
            ADD CONSTRAINT "FK_872280f77a88c4233b2cfe05b21" FOREIGN KEY ("session_id") REFERENCES "sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "poll_votes"
            ADD CONSTRAINT "FK_ba03ab00c027c6499e7ddc73404" FOREIGN KEY ("poll_id") REFERENCES "polls"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "poll_votes"
            ADD CONSTRAINT "FK_ad381571393d520e921beaf1fee" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "questions"
            ADD CONSTRAINT "FK_8815002c2962454d04833dae351" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "questions"
            ADD CONSTRAINT "FK_6a122873055961342d11ea9e3eb" FOREIGN KEY ("session_id") REFERENCES "sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "questions"
            ADD CONSTRAINT "FK_dcaac7adf4b5af7bc980ec5250e" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "question_votes"
            ADD CONSTRAINT "FK_c7514956e9a7667e5d0136b2559" FOREIGN KEY ("question_id") REFERENCES "questions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "question_votes"
            ADD CONSTRAINT "FK_b3fd868c90abc25cab8159c4881" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "session_qa"
            ADD CONSTRAINT "FK_0b8b0cf00cd8d0bc96c9961d92c" FOREIGN KEY ("session_id") REFERENCES "sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "session_qa"
            ADD CONSTRAINT "FK_04371b8eb7754e2d9ced5cf8b46" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "session_qa" DROP CONSTRAINT "FK_04371b8eb7754e2d9ced5cf8b46"
        `);
        await queryRunner.query(`
            ALTER TABLE "session_qa" DROP CONSTRAINT "FK_0b8b0cf00cd8d0bc96c9961d92c"
        `);
        await queryRunner.query(`
            ALTER TABLE "question_votes" DROP CONSTRAINT "FK_b3fd868c90abc25cab8159c4881"
        `);
        await queryRunner.query(`
            ALTER TABLE "question_votes" DROP CONSTRAINT "FK_c7514956e9a7667e5d0136b2559"
        `);
        await queryRunner.query(`
            ALTER TABLE "questions" DROP CONSTRAINT "FK_dcaac7adf4b5af7bc980ec5250e"
        `);
        await queryRunner.query(`
            ALTER TABLE "questions" DROP CONSTRAINT "FK_6a122873055961342d11ea9e3eb"
        `);
        await queryRunner.query(`
            ALTER TABLE "questions" DROP CONSTRAINT "FK_8815002c2962454d04833dae351"
        `);
        await queryRunner.query(`
            ALTER TABLE "poll_votes" DROP CONSTRAINT "FK_ad381571393d520e921beaf1fee"
        `);
        await queryRunner.query(`
            ALTER TABLE "poll_votes" DROP CONSTRAINT "FK_ba03ab00c027c6499e7ddc73404"
        `);
        await queryRunner.query(`
            ALTER TABLE "polls" DROP CONSTRAINT "FK_872280f77a88c4233b2cfe05b21"
        `);
        await queryRunner.query(`
            ALTER TABLE "polls" DROP CONSTRAINT "FK_3cbe8123f4655a4aaa4092efc7c"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_04371b8eb7754e2d9ced5cf8b4"
        `);
        await queryRunner.query(`
            DROP TABLE "session_qa"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_b3fd868c90abc25cab8159c488"
        `);
        await queryRunner.query(`
            DROP TABLE "question_votes"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_4407cafd0065cc9fcd30fd54e8"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_questions_on_screen"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_dcaac7adf4b5af7bc980ec5250"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_8815002c2962454d04833dae35"
        `);
        await queryRunner.query(`
            DROP TABLE "questions"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."question_state"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_ad381571393d520e921beaf1fe"
        `);
        await queryRunner.query(`
            DROP TABLE "poll_votes"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_26b799d96185cb19c85a6046a7"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_3cbe8123f4655a4aaa4092efc7"
        `);
        await queryRunner.query(`
            DROP TABLE "polls"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."poll_state"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."poll_kind"
        `);
    }

}
