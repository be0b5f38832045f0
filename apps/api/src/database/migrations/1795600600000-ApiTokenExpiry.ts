import type { MigrationInterface, QueryRunner } from 'typeorm';

/** An API token may carry an expiry; past it the token is refused like a revoked one. Existing tokens never expire. */
export class ApiTokenExpiry1795600600000 implements MigrationInterface {
  name = 'ApiTokenExpiry1795600600000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "api_token" ADD "expires_at" TIMESTAMP WITH TIME ZONE`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "api_token" DROP COLUMN "expires_at"`);
  }
}
