import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { GenerateSql, SQL_UUID } from '@plenum/platform';

/** What a stage's backstage is made of: the sessions on the stage. */
@Injectable()
export class BackstageRepository {
  constructor(private readonly db: DataSource) {}

  @GenerateSql({ params: [SQL_UUID] })
  stageSessions(stageId: string): Promise<Array<{ id: string; event_id: string }>> {
    return this.db.query(
      `SELECT s.id, s.event_id FROM sessions s JOIN stages st ON st.id = s.stage_id
        WHERE st.id = $1`,
      [stageId],
    );
  }
}
