import { isServiceUnavailable } from './service-unavailable';

describe('isServiceUnavailable', () => {
  it('recognises the database or Redis away, however the driver says it', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    expect(isServiceUnavailable(refused)).toBe(true);
    expect(isServiceUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isServiceUnavailable(new Error('timeout exceeded when trying to connect'))).toBe(true);
    expect(isServiceUnavailable({ code: '57P01', message: 'terminating connection due to administrator command' })).toBe(true);
    expect(isServiceUnavailable({ code: '57P03', message: 'the database system is starting up' })).toBe(true);
    expect(isServiceUnavailable({ code: '08006' })).toBe(true);
    // TypeORM's QueryFailedError carries the driver's error.
    expect(isServiceUnavailable({ message: 'Query failed', driverError: { code: '57P01' } })).toBe(true);
    expect(isServiceUnavailable(Object.assign(new Error('Reached the max retries per request limit (which is 20).'), { name: 'MaxRetriesPerRequestError' }))).toBe(true);
  });

  it('leaves every other error alone: a bad request or a bug stays what it is', () => {
    expect(isServiceUnavailable({ code: '23505', message: 'duplicate key value violates unique constraint' })).toBe(false);
    expect(isServiceUnavailable({ message: 'Query failed', driverError: { code: '22001' } })).toBe(false);
    expect(isServiceUnavailable(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(false);
    expect(isServiceUnavailable(null)).toBe(false);
    expect(isServiceUnavailable('ECONNREFUSED')).toBe(false);
  });
});
