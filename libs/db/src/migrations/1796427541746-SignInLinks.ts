import { MigrationInterface, QueryRunner } from "typeorm";

export class SignInLinks1796427541746 implements MigrationInterface {
    name = 'SignInLinks1796427541746'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "sign_in_links" (
                "id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "purpose" character varying(20) NOT NULL,
                "token_hash" character(64) NOT NULL,
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "used_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_2097ee1b62272fac6526b35398e" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_35646de82c2b76d041ffdef1cc" ON "sign_in_links" ("user_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_7e056095bb858289789025d055" ON "sign_in_links" ("token_hash")
        `);
        await queryRunner.query(`
            ALTER TABLE "sign_in_links"
            ADD CONSTRAINT "FK_35646de82c2b76d041ffdef1ccf" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "sign_in_links" DROP CONSTRAINT "FK_35646de82c2b76d041ffdef1ccf"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_7e056095bb858289789025d055"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_35646de82c2b76d041ffdef1cc"
        `);
        await queryRunner.query(`
            DROP TABLE "sign_in_links"
        `);
    }

}
