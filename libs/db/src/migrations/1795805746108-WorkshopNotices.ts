import { MigrationInterface, QueryRunner } from "typeorm";

export class WorkshopNotices1795805746108 implements MigrationInterface {
    name = 'WorkshopNotices1795805746108'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TYPE "public"."notification_kind"
            RENAME TO "notification_kind_old"
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."notification_kind" AS ENUM(
                'reminder',
                'session-moved',
                'session-cancelled',
                'announcement',
                'workshop-seat-confirmed',
                'workshop-promoted'
            )
        `);
        await queryRunner.query(`
            ALTER TABLE "notifications"
            ALTER COLUMN "kind" TYPE "public"."notification_kind" USING "kind"::"text"::"public"."notification_kind"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."notification_kind_old"
        `);
        await queryRunner.query(`
            ALTER TYPE "public"."delivery_kind"
            RENAME TO "delivery_kind_old"
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."delivery_kind" AS ENUM(
                'reminder',
                'session-moved',
                'session-cancelled',
                'announcement',
                'workshop-seat-confirmed',
                'workshop-promoted'
            )
        `);
        await queryRunner.query(`
            ALTER TABLE "reminder_deliveries"
            ALTER COLUMN "kind" TYPE "public"."delivery_kind" USING "kind"::"text"::"public"."delivery_kind"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."delivery_kind_old"
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TYPE "public"."delivery_kind_old" AS ENUM(
                'reminder',
                'session-moved',
                'session-cancelled',
                'announcement'
            )
        `);
        await queryRunner.query(`
            ALTER TABLE "reminder_deliveries"
            ALTER COLUMN "kind" TYPE "public"."delivery_kind_old" USING "kind"::"text"::"public"."delivery_kind_old"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."delivery_kind"
        `);
        await queryRunner.query(`
            ALTER TYPE "public"."delivery_kind_old"
            RENAME TO "delivery_kind"
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."notification_kind_old" AS ENUM(
                'reminder',
                'session-moved',
                'session-cancelled',
                'announcement'
            )
        `);
        await queryRunner.query(`
            ALTER TABLE "notifications"
            ALTER COLUMN "kind" TYPE "public"."notification_kind_old" USING "kind"::"text"::"public"."notification_kind_old"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."notification_kind"
        `);
        await queryRunner.query(`
            ALTER TYPE "public"."notification_kind_old"
            RENAME TO "notification_kind"
        `);
    }

}
