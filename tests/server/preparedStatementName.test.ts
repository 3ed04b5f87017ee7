import { describe, expect, it } from 'vitest';
import { preparedStatementName } from '../../server/storage/postgres/createPostgresPool';

describe('the prepared-statement name of a PostgreSQL statement', () => {
  it('is one name per statement text, the same every time', () => {
    const first = preparedStatementName('select 1 where $1::int = 1 -- naming test a', 1);
    const other = preparedStatementName('select 2 where $1::int = 1 -- naming test b', 1);

    expect(first).toMatch(/^favorites_\d+$/);
    expect(preparedStatementName('select 1 where $1::int = 1 -- naming test a', 1)).toBe(first);
    expect(other).not.toBe(first);
  });

  it('leaves statements without parameters, and long parameter lists, unnamed', () => {
    expect(preparedStatementName('commit', 0)).toBeUndefined();
    const longList = Array.from({ length: 33 }, (_, i) => `$${i + 1}`).join(', ');
    expect(preparedStatementName(`select id from articles where id in (${longList})`, 33)).toBeUndefined();
  });
});
