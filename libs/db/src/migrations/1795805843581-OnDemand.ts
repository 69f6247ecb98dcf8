import { MigrationInterface, QueryRunner } from "typeorm";

export class OnDemand1795805843581 implements MigrationInterface {
    name = 'OnDemand1795805843581'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "event_impressions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "event_id" uuid NOT NULL,
                "storage_key" character varying(100) NOT NULL,
                "content_type" character varying(40) NOT NULL,
                "size_bytes" integer NOT NULL,
                "alt_text" character varying(500) NOT NULL,
                "caption" character varying(300) NOT NULL DEFAULT '',
                "position" integer NOT NULL DEFAULT '0',
                "created_by_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_c599c7ca59c481f3a3143ccc52" CHECK (char_length(btrim("alt_text")) > 0),
                CONSTRAINT "PK_e932a75fc522c6f5436b6d7be93" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_488ff60769c31427d0b601a445" ON "event_impressions" ("event_id", "position")
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."recording_source" AS ENUM('egress', 'upload', 'url')
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."recording_state" AS ENUM(
                'starting',
                'recording',
                'processing',
                'ready',
                'failed'
            )
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."recording_media" AS ENUM('file', 'hls', 'embed')
        `);
        await queryRunner.query(`
            CREATE TABLE "recordings" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "event_id" uuid NOT NULL,
                "session_id" uuid NOT NULL,
                "source" "public"."recording_source" NOT NULL,
                "state" "public"."recording_state" NOT NULL,
                "media" "public"."recording_media" NOT NULL,
                "egress_id" character varying(100),
                "url" character varying(2000),
                "storage_key" character varying(100),
                "location" character varying(2000),
                "content_type" character varying(100),
                "size_bytes" bigint,
                "duration_seconds" integer,
                "error" character varying(1000),
                "started_by_id" uuid,
                "ended_by_id" uuid,
                "started_at" TIMESTAMP WITH TIME ZONE,
                "ended_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_5c2790f07902dcfff61b9da1dc" CHECK (
                    "source" <> 'url'
                    OR "url" IS NOT NULL
                ),
                CONSTRAINT "CHK_0ee9ce87263709c389c527afbe" CHECK (
                    "source" <> 'upload'
                    OR "storage_key" IS NOT NULL
                ),
                CONSTRAINT "CHK_3f48d2f69a0ee97dd6f3c1504c" CHECK (
                    "source" <> 'egress'
                    OR "egress_id" IS NOT NULL
                    OR "state" IN ('starting', 'failed')
                ),
                CONSTRAINT "PK_8c3247d5ee4551d59bb2115a484" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_4764d64d7b28407d2160d5f6ee" ON "recordings" ("event_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_f9e8c173e04831ba3c5362481c" ON "recordings" ("egress_id")
            WHERE "egress_id" IS NOT NULL
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_recordings_running" ON "recordings" ("session_id")
            WHERE "state" IN ('starting', 'recording')
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_4833b407eb6af22d55dad39314" ON "recordings" ("session_id", "created_at")
        `);
        await queryRunner.query(`
            CREATE TABLE "session_slides" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "event_id" uuid NOT NULL,
                "session_id" uuid NOT NULL,
                "title" character varying(200) NOT NULL,
                "file_name" character varying(200) NOT NULL,
                "storage_key" character varying(100) NOT NULL,
                "size_bytes" integer NOT NULL,
                "uploaded_by_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_206479230147b5197f7919697fb" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_ad5b72e165b3fc3b3d1441f3aa" ON "session_slides" ("event_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_889c484ca95528b6e24c5658e4" ON "session_slides" ("session_id", "created_at")
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."media_access" AS ENUM('public', 'registered')
        `);
        await queryRunner.query(`
            ALTER TABLE "events"
            ADD "media_access" "public"."media_access" NOT NULL DEFAULT 'registered'
        `);
        await queryRunner.query(`
            ALTER TABLE "event_impressions"
            ADD CONSTRAINT "FK_65a9464c750b9cce72ecfd3ba02" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "event_impressions"
            ADD CONSTRAINT "FK_82a86319bd03fa87379bc2aac63" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "recordings"
            ADD CONSTRAINT "FK_4764d64d7b28407d2160d5f6ee5" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "recordings"
            ADD CONSTRAINT "FK_7a6fdee533366849b6153626e90" FOREIGN KEY ("session_id") REFERENCES "sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "recordings"
            ADD CONSTRAINT "FK_98be9a2fed29c8d5dc7aab1aa63" FOREIGN KEY ("started_by_id") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "recordings"
            ADD CONSTRAINT "FK_c3a43c5b36c1c81e0c052600c9d" FOREIGN KEY ("ended_by_id") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "session_slides"
            ADD CONSTRAINT "FK_ad5b72e165b3fc3b3d1441f3aaa" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "session_slides"
            ADD CONSTRAINT "FK_0d2f8e207b7f0de58c547886a01" FOREIGN KEY ("session_id") REFERENCES "sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "session_slides"
            ADD CONSTRAINT "FK_52f60546d8e19365fcb12bf872c" FOREIGN KEY ("uploaded_by_id") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "session_slides" DROP CONSTRAINT "FK_52f60546d8e19365fcb12bf872c"
        `);
        await queryRunner.query(`
            ALTER TABLE "session_slides" DROP CONSTRAINT "FK_0d2f8e207b7f0de58c547886a01"
        `);
        await queryRunner.query(`
            ALTER TABLE "session_slides" DROP CONSTRAINT "FK_ad5b72e165b3fc3b3d1441f3aaa"
        `);
        await queryRunner.query(`
            ALTER TABLE "recordings" DROP CONSTRAINT "FK_c3a43c5b36c1c81e0c052600c9d"
        `);
        await queryRunner.query(`
            ALTER TABLE "recordings" DROP CONSTRAINT "FK_98be9a2fed29c8d5dc7aab1aa63"
        `);
        await queryRunner.query(`
            ALTER TABLE "recordings" DROP CONSTRAINT "FK_7a6fdee533366849b6153626e90"
        `);
        await queryRunner.query(`
            ALTER TABLE "recordings" DROP CONSTRAINT "FK_4764d64d7b28407d2160d5f6ee5"
        `);
        await queryRunner.query(`
            ALTER TABLE "event_impressions" DROP CONSTRAINT "FK_82a86319bd03fa87379bc2aac63"
        `);
        await queryRunner.query(`
            ALTER TABLE "event_impressions" DROP CONSTRAINT "FK_65a9464c750b9cce72ecfd3ba02"
        `);
        await queryRunner.query(`
            ALTER TABLE "events" DROP COLUMN "media_access"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."media_access"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_889c484ca95528b6e24c5658e4"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_ad5b72e165b3fc3b3d1441f3aa"
        `);
        await queryRunner.query(`
            DROP TABLE "session_slides"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_4833b407eb6af22d55dad39314"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_recordings_running"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_f9e8c173e04831ba3c5362481c"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_4764d64d7b28407d2160d5f6ee"
        `);
        await queryRunner.query(`
            DROP TABLE "recordings"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."recording_media"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."recording_state"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."recording_source"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_488ff60769c31427d0b601a445"
        `);
        await queryRunner.query(`
            DROP TABLE "event_impressions"
        `);
    }

}
