import { MigrationInterface, QueryRunner } from "typeorm";

export class BoothVisits1795799760830 implements MigrationInterface {
    name = 'BoothVisits1795799760830'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "booth_visits" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "booth_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "started_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_b0de09e34315e7e063b62a7d08b" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_fd335d50dc40cfe41b7e79a161" ON "booth_visits" ("booth_id", "started_at")
        `);
        await queryRunner.query(`
            ALTER TABLE "booth_visits"
            ADD CONSTRAINT "FK_a897487f7c701201b6ad395bae5" FOREIGN KEY ("booth_id") REFERENCES "booths"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "booth_visits"
            ADD CONSTRAINT "FK_cd6328d334317d4202977cb28bb" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "booth_visits" DROP CONSTRAINT "FK_cd6328d334317d4202977cb28bb"
        `);
        await queryRunner.query(`
            ALTER TABLE "booth_visits" DROP CONSTRAINT "FK_a897487f7c701201b6ad395bae5"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_fd335d50dc40cfe41b7e79a161"
        `);
        await queryRunner.query(`
            DROP TABLE "booth_visits"
        `);
    }

}
