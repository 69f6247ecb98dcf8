import { MigrationInterface, QueryRunner } from "typeorm";

export class BoothConversations1795799252016 implements MigrationInterface {
    name = 'BoothConversations1795799252016'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "booth_conversations" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "booth_id" uuid NOT NULL,
                "visitor_id" uuid NOT NULL,
                "staff_id" uuid,
                "state" character varying(10) NOT NULL DEFAULT 'waiting',
                "queued_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(),
                "accepted_at" TIMESTAMP WITH TIME ZONE,
                "ended_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_f1f019271acb0f364cab154228" CHECK (
                    "state" IN ('waiting', 'active', 'ended', 'left')
                ),
                CONSTRAINT "PK_31dd24bcf478cd93e87bb8d0b7b" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_booth_conversations_active_staff" ON "booth_conversations" ("staff_id")
            WHERE "state" = 'active'
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_booth_conversations_open_visitor" ON "booth_conversations" ("booth_id", "visitor_id")
            WHERE "state" IN ('waiting', 'active')
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_dc436df9d519ffdd69d959242e" ON "booth_conversations" ("booth_id", "state", "queued_at")
        `);
        await queryRunner.query(`
            ALTER TABLE "booth_conversations"
            ADD CONSTRAINT "FK_b542939b74f454c66923bf66080" FOREIGN KEY ("booth_id") REFERENCES "booths"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "booth_conversations"
            ADD CONSTRAINT "FK_6aee0ef0457ef091dac946b25cf" FOREIGN KEY ("visitor_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "booth_conversations"
            ADD CONSTRAINT "FK_0e952eefee972f08ba05fba331d" FOREIGN KEY ("staff_id") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "booth_conversations" DROP CONSTRAINT "FK_0e952eefee972f08ba05fba331d"
        `);
        await queryRunner.query(`
            ALTER TABLE "booth_conversations" DROP CONSTRAINT "FK_6aee0ef0457ef091dac946b25cf"
        `);
        await queryRunner.query(`
            ALTER TABLE "booth_conversations" DROP CONSTRAINT "FK_b542939b74f454c66923bf66080"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_dc436df9d519ffdd69d959242e"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_booth_conversations_open_visitor"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_booth_conversations_active_staff"
        `);
        await queryRunner.query(`
            DROP TABLE "booth_conversations"
        `);
    }

}
