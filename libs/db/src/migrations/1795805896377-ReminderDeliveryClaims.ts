import { MigrationInterface, QueryRunner } from "typeorm";

export class ReminderDeliveryClaims1795805896377 implements MigrationInterface {
    name = 'ReminderDeliveryClaims1795805896377'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "reminder_deliveries"
            ADD "claimed_at" TIMESTAMP WITH TIME ZONE
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_4de9ef1b5896783d6027b43dcc"
        `);
        await queryRunner.query(`
            ALTER TYPE "public"."delivery_status"
            RENAME TO "delivery_status_old"
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."delivery_status" AS ENUM('pending', 'sending', 'sent', 'failed')
        `);
        await queryRunner.query(`
            ALTER TABLE "reminder_deliveries"
            ALTER COLUMN "status" DROP DEFAULT
        `);
        await queryRunner.query(`
            ALTER TABLE "reminder_deliveries"
            ALTER COLUMN "status" TYPE "public"."delivery_status" USING "status"::"text"::"public"."delivery_status"
        `);
        await queryRunner.query(`
            ALTER TABLE "reminder_deliveries"
            ALTER COLUMN "status"
            SET DEFAULT 'pending'
        `);
        await queryRunner.query(`
            DROP TYPE "public"."delivery_status_old"
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_4de9ef1b5896783d6027b43dcc" ON "reminder_deliveries" ("event_id", "status")
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "public"."IDX_4de9ef1b5896783d6027b43dcc"
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."delivery_status_old" AS ENUM('pending', 'sent', 'failed')
        `);
        await queryRunner.query(`
            ALTER TABLE "reminder_deliveries"
            ALTER COLUMN "status" DROP DEFAULT
        `);
        await queryRunner.query(`
            ALTER TABLE "reminder_deliveries"
            ALTER COLUMN "status" TYPE "public"."delivery_status_old" USING "status"::"text"::"public"."delivery_status_old"
        `);
        await queryRunner.query(`
            ALTER TABLE "reminder_deliveries"
            ALTER COLUMN "status"
            SET DEFAULT 'pending'
        `);
        await queryRunner.query(`
            DROP TYPE "public"."delivery_status"
        `);
        await queryRunner.query(`
            ALTER TYPE "public"."delivery_status_old"
            RENAME TO "delivery_status"
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_4de9ef1b5896783d6027b43dcc" ON "reminder_deliveries" ("event_id", "status")
        `);
        await queryRunner.query(`
            ALTER TABLE "reminder_deliveries" DROP COLUMN "claimed_at"
        `);
    }

}
