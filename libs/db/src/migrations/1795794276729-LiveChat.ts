import { MigrationInterface, QueryRunner } from "typeorm";

export class LiveChat1795794276729 implements MigrationInterface {
    name = 'LiveChat1795794276729'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "chat_rooms" (
                "room" character varying(80) NOT NULL,
                "event_id" uuid NOT NULL,
                "last_seq" integer NOT NULL DEFAULT '0',
                "slow_mode_seconds" integer NOT NULL DEFAULT '0',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_91095ee80801c03932f767a972" CHECK ("slow_mode_seconds" >= 0),
                CONSTRAINT "CHK_62d111c81d097832e53f9a3e10" CHECK ("last_seq" >= 0),
                CONSTRAINT "PK_95cf74bfc4900b31cb3e368de31" PRIMARY KEY ("room")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_2b66f9ff140b184a5728b2eb77" ON "chat_rooms" ("event_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "chat_messages" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "room" character varying(80) NOT NULL,
                "event_id" uuid NOT NULL,
                "seq" integer NOT NULL,
                "author_id" uuid,
                "body" text NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "deleted_at" TIMESTAMP WITH TIME ZONE,
                "deleted_by_id" uuid,
                "delete_reason" character varying(500),
                CONSTRAINT "CHK_c881291f3f344e523659416479" CHECK (char_length("body") <= 1000),
                CONSTRAINT "CHK_b78ef9295a72f65344c0bb62c4" CHECK ("seq" > 0),
                CONSTRAINT "PK_40c55ee0e571e268b0d3cd37d10" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_934b1fb8522f51ab5b85da5d43" ON "chat_messages" ("event_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_85a3fc9253b9b06d74fec69241" ON "chat_messages" ("author_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_42ce08ce1d8e65d41e5aef9bb6" ON "chat_messages" ("room", "seq")
        `);
        await queryRunner.query(`
            CREATE TABLE "chat_mutes" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "event_id" uuid NOT NULL,
                "room" character varying(80),
                "user_id" uuid NOT NULL,
                "muted_by_id" uuid,
                "reason" character varying(500) NOT NULL DEFAULT '',
                "until" TIMESTAMP WITH TIME ZONE NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_da7ff9aa48502d529b09cf6c126" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_5dea18abff361a55a040562959" ON "chat_mutes" ("event_id", "user_id", "until")
        `);
        await queryRunner.query(`
            ALTER TABLE "chat_rooms"
            ADD CONSTRAINT "FK_2b66f9ff140b184a5728b2eb77e" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "chat_messages"
            ADD CONSTRAINT "FK_76fd5691381ed98b8dc4b8dc6be" FOREIGN KEY ("room") REFERENCES "chat_rooms"("room") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "chat_messages"
            ADD CONSTRAINT "FK_934b1fb8522f51ab5b85da5d438" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "chat_messages"
            ADD CONSTRAINT "FK_85a3fc9253b9b06d74fec69241d" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "chat_messages"
            ADD CONSTRAINT "FK_3a6eed148c169019dbf99eaafd9" FOREIGN KEY ("deleted_by_id") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "chat_mutes"
            ADD CONSTRAINT "FK_dbc272e6069cb5503e30e493289" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "chat_mutes"
            ADD CONSTRAINT "FK_bd357eff8137b5fd0d71e81edd0" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "chat_mutes"
            ADD CONSTRAINT "FK_272f6bf92e019c5dac65fef0334" FOREIGN KEY ("muted_by_id") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "chat_mutes" DROP CONSTRAINT "FK_272f6bf92e019c5dac65fef0334"
        `);
        await queryRunner.query(`
            ALTER TABLE "chat_mutes" DROP CONSTRAINT "FK_bd357eff8137b5fd0d71e81edd0"
        `);
        await queryRunner.query(`
            ALTER TABLE "chat_mutes" DROP CONSTRAINT "FK_dbc272e6069cb5503e30e493289"
        `);
        await queryRunner.query(`
            ALTER TABLE "chat_messages" DROP CONSTRAINT "FK_3a6eed148c169019dbf99eaafd9"
        `);
        await queryRunner.query(`
            ALTER TABLE "chat_messages" DROP CONSTRAINT "FK_85a3fc9253b9b06d74fec69241d"
        `);
        await queryRunner.query(`
            ALTER TABLE "chat_messages" DROP CONSTRAINT "FK_934b1fb8522f51ab5b85da5d438"
        `);
        await queryRunner.query(`
            ALTER TABLE "chat_messages" DROP CONSTRAINT "FK_76fd5691381ed98b8dc4b8dc6be"
        `);
        await queryRunner.query(`
            ALTER TABLE "chat_rooms" DROP CONSTRAINT "FK_2b66f9ff140b184a5728b2eb77e"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_5dea18abff361a55a040562959"
        `);
        await queryRunner.query(`
            DROP TABLE "chat_mutes"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_42ce08ce1d8e65d41e5aef9bb6"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_85a3fc9253b9b06d74fec69241"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_934b1fb8522f51ab5b85da5d43"
        `);
        await queryRunner.query(`
            DROP TABLE "chat_messages"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_2b66f9ff140b184a5728b2eb77"
        `);
        await queryRunner.query(`
            DROP TABLE "chat_rooms"
        `);
    }

}
