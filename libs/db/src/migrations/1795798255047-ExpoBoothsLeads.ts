import { MigrationInterface, QueryRunner } from "typeorm";

export class ExpoBoothsLeads1795798255047 implements MigrationInterface {
    name = 'ExpoBoothsLeads1795798255047'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "booth_documents" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "booth_id" uuid NOT NULL,
                "title" character varying(200) NOT NULL,
                "file_name" character varying(200) NOT NULL,
                "content_type" character varying(120) NOT NULL,
                "bytes" integer NOT NULL,
                "storage_key" character varying(200) NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_8a786459e21df3793f6b212f6fd" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_641295cec27d55981f6177665e" ON "booth_documents" ("booth_id", "created_at")
        `);
        await queryRunner.query(`
            CREATE TABLE "leads" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "booth_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "shared_fields" text array NOT NULL,
                "name" character varying(120),
                "email" character varying(254),
                "organisation" character varying(200),
                "message" character varying(1000),
                "consented_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "withdrawn_at" TIMESTAMP WITH TIME ZONE,
                "note" text NOT NULL DEFAULT '',
                "rating" smallint,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_5e4a39da902af7feaf0560e8c9" CHECK (
                    "rating" IS NULL
                    OR (
                        "rating" BETWEEN 1 AND 5
                    )
                ),
                CONSTRAINT "PK_cd102ed7a9a4ca7d4d8bfeba406" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_0cec49f8f07d5ac4a8a9bbe6ac" ON "leads" ("user_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_a51e60fd639f503cebb3c97880" ON "leads" ("booth_id", "user_id")
        `);
        await queryRunner.query(`
            ALTER TABLE "booths"
            ADD "links" jsonb NOT NULL DEFAULT '[]'
        `);
        await queryRunner.query(`
            ALTER TABLE "booths"
            ADD "opening_hours" jsonb NOT NULL DEFAULT '[]'
        `);
        await queryRunner.query(`
            ALTER TABLE "booths"
            ADD "logo_key" character varying(200)
        `);
        await queryRunner.query(`
            ALTER TABLE "booths"
            ADD "logo_content_type" character varying(40)
        `);
        await queryRunner.query(`
            ALTER TABLE "booths"
            ADD "banner_key" character varying(200)
        `);
        await queryRunner.query(`
            ALTER TABLE "booths"
            ADD "banner_content_type" character varying(40)
        `);
        await queryRunner.query(`
            ALTER TABLE "booth_documents"
            ADD CONSTRAINT "FK_4a509c740fdd7ed721498b71061" FOREIGN KEY ("booth_id") REFERENCES "booths"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "leads"
            ADD CONSTRAINT "FK_4a0bf0de0d6ea7cfed77da2f174" FOREIGN KEY ("booth_id") REFERENCES "booths"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "leads"
            ADD CONSTRAINT "FK_0cec49f8f07d5ac4a8a9bbe6ac2" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "leads" DROP CONSTRAINT "FK_0cec49f8f07d5ac4a8a9bbe6ac2"
        `);
        await queryRunner.query(`
            ALTER TABLE "leads" DROP CONSTRAINT "FK_4a0bf0de0d6ea7cfed77da2f174"
        `);
        await queryRunner.query(`
            ALTER TABLE "booth_documents" DROP CONSTRAINT "FK_4a509c740fdd7ed721498b71061"
        `);
        await queryRunner.query(`
            ALTER TABLE "booths" DROP COLUMN "banner_content_type"
        `);
        await queryRunner.query(`
            ALTER TABLE "booths" DROP COLUMN "banner_key"
        `);
        await queryRunner.query(`
            ALTER TABLE "booths" DROP COLUMN "logo_content_type"
        `);
        await queryRunner.query(`
            ALTER TABLE "booths" DROP COLUMN "logo_key"
        `);
        await queryRunner.query(`
            ALTER TABLE "booths" DROP COLUMN "opening_hours"
        `);
        await queryRunner.query(`
            ALTER TABLE "booths" DROP COLUMN "links"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_a51e60fd639f503cebb3c97880"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_0cec49f8f07d5ac4a8a9bbe6ac"
        `);
        await queryRunner.query(`
            DROP TABLE "leads"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_641295cec27d55981f6177665e"
        `);
        await queryRunner.query(`
            DROP TABLE "booth_documents"
        `);
    }

}
