import { MigrationInterface, QueryRunner } from "typeorm";

export class Workshops1795798316167 implements MigrationInterface {
    name = 'Workshops1795798316167'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "workshop_materials" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "session_id" uuid NOT NULL,
                "title" character varying(200) NOT NULL,
                "url" character varying(2000),
                "storage_key" character varying(100),
                "file_name" character varying(200),
                "content_type" character varying(100),
                "size_bytes" integer,
                "created_by_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_d654ec9760dd3a7b0d38d9b1bd" CHECK (("url" IS NULL) <> ("storage_key" IS NULL)),
                CONSTRAINT "PK_60a9ce834a56fd7dac0b21ee105" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_7681b5310df3165983da26b924" ON "workshop_materials" ("session_id", "created_at")
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."workshop_registration_status" AS ENUM('confirmed', 'waitlisted', 'cancelled')
        `);
        await queryRunner.query(`
            CREATE TABLE "workshop_registrations" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "session_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "event_id" uuid NOT NULL,
                "status" "public"."workshop_registration_status" NOT NULL,
                "arrival" BIGSERIAL NOT NULL,
                "confirmed_at" TIMESTAMP WITH TIME ZONE,
                "cancelled_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_b616b5b53cabd7cd7dc62caf98" CHECK (
                    "status" <> 'confirmed'
                    OR "confirmed_at" IS NOT NULL
                ),
                CONSTRAINT "PK_70cf3ddc524df0a829737935939" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_5d62d1965021eec34ddc790360" ON "workshop_registrations" ("user_id", "event_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_c503ea596a0ff1276f590b7a34" ON "workshop_registrations" ("session_id", "status", "arrival")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_8d0fe8642681c16779415dfe54" ON "workshop_registrations" ("session_id", "user_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "workshop_settings" (
                "session_id" uuid NOT NULL,
                "registration_opens_at" TIMESTAMP WITH TIME ZONE,
                "registration_closes_at" TIMESTAMP WITH TIME ZONE,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_fffe3e3ed7f1d323c1e7f8b605" CHECK (
                    "registration_closes_at" IS NULL
                    OR "registration_opens_at" IS NULL
                    OR "registration_closes_at" > "registration_opens_at"
                ),
                CONSTRAINT "PK_a5b7a872d7350dd06e766b2123e" PRIMARY KEY ("session_id")
            )
        `);
        await queryRunner.query(`
            ALTER TABLE "workshop_materials"
            ADD CONSTRAINT "FK_437e7aefef2b72624c7bdd71c1a" FOREIGN KEY ("session_id") REFERENCES "sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "workshop_materials"
            ADD CONSTRAINT "FK_15ae13923831cf33086ec74debb" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "workshop_registrations"
            ADD CONSTRAINT "FK_2d51b5951fba464149e6f00955c" FOREIGN KEY ("session_id") REFERENCES "sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "workshop_registrations"
            ADD CONSTRAINT "FK_280c85504bd7afe86fad69bcfab" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "workshop_registrations"
            ADD CONSTRAINT "FK_cfbd1916150322d8724c58f2723" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "workshop_settings"
            ADD CONSTRAINT "FK_a5b7a872d7350dd06e766b2123e" FOREIGN KEY ("session_id") REFERENCES "sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "workshop_settings" DROP CONSTRAINT "FK_a5b7a872d7350dd06e766b2123e"
        `);
        await queryRunner.query(`
            ALTER TABLE "workshop_registrations" DROP CONSTRAINT "FK_cfbd1916150322d8724c58f2723"
        `);
        await queryRunner.query(`
            ALTER TABLE "workshop_registrations" DROP CONSTRAINT "FK_280c85504bd7afe86fad69bcfab"
        `);
        await queryRunner.query(`
            ALTER TABLE "workshop_registrations" DROP CONSTRAINT "FK_2d51b5951fba464149e6f00955c"
        `);
        await queryRunner.query(`
            ALTER TABLE "workshop_materials" DROP CONSTRAINT "FK_15ae13923831cf33086ec74debb"
        `);
        await queryRunner.query(`
            ALTER TABLE "workshop_materials" DROP CONSTRAINT "FK_437e7aefef2b72624c7bdd71c1a"
        `);
        await queryRunner.query(`
            DROP TABLE "workshop_settings"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_8d0fe8642681c16779415dfe54"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_c503ea596a0ff1276f590b7a34"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_5d62d1965021eec34ddc790360"
        `);
        await queryRunner.query(`
            DROP TABLE "workshop_registrations"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."workshop_registration_status"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_7681b5310df3165983da26b924"
        `);
        await queryRunner.query(`
            DROP TABLE "workshop_materials"
        `);
    }

}
