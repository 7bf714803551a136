import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { openStore } from '../src/store-access.ts';

describe('opening PostgreSQL', () => {
  it('says where it tried and why it failed, without the password', async () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://lis:hemmelig@127.0.0.1:1/lis' });
    const error = await openStore(config).then(
      () => null,
      (e: Error) => e,
    );
    expect(error?.message).toBe(
      'Cannot use PostgreSQL at 127.0.0.1:1/lis (DATABASE_URL): nothing answers there. Is the server running?',
    );
  });

  it.runIf(process.env.TEST_DATABASE_URL)('names a database that does not exist', async () => {
    const url = new URL(process.env.TEST_DATABASE_URL as string);
    url.pathname = '/lis_no_such_database';
    const error = await openStore(loadConfig({ DATABASE_URL: url.toString() })).then(
      () => null,
      (e: Error) => e,
    );
    expect(error?.message).toMatch(/lis_no_such_database \(DATABASE_URL\): the database does not exist/);
  });
});
