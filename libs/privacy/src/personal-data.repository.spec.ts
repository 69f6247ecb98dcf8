import { exportPlan } from './personal-data.repository';

describe('exportPlan', () => {
  it("exports a table's own rows whole and the rows of others the person acted on as actions", () => {
    const [questions] = exportPlan([
      { table: 'questions', column: 'author_id', onDelete: 'n' },
      { table: 'questions', column: 'decided_by_id', onDelete: 'n' },
    ]);
    expect(questions).toEqual({
      table: 'questions',
      own: '"author_id"::text = $1::text',
      personColumns: ['author_id', 'decided_by_id'],
      acted: [
        {
          key: 'questions.decided_by_id',
          columns: ['id', 'event_id', 'session_id', 'state', 'decided_at'],
          condition:
            '"decided_by_id"::text = $1::text AND ("author_id"::text = $1::text) IS NOT TRUE',
        },
      ],
    });
  });

  it('treats an unknown new reference as the person’s own', () => {
    const [plan] = exportPlan([{ table: 'badges', column: 'holder_id', onDelete: 'c' }]);
    expect(plan).toMatchObject({ own: '"holder_id"::text = $1::text', acted: [] });
  });

  it('has no own rows for a table the person only acts in', () => {
    const [plan] = exportPlan([{ table: 'audit_logs', column: 'actor_id', onDelete: 'n' }]);
    expect(plan?.own).toBeNull();
    expect(plan?.acted[0]?.condition).toBe('"actor_id"::text = $1::text');
  });
});
