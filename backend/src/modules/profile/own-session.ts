import { HttpStatus } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { AppException } from '../../common/errors/app-exception';

/**
 * Personal data leaves, and an account ends, only from a session the person opened themselves: not
 * from one a community team member opened for them on the member's phone (an assisted session).
 */
export async function refuseAssistedSession(dataSource: DataSource, sessionId: string): Promise<void> {
  const [row] = (await dataSource.query('SELECT assisted_by_id IS NOT NULL AS assisted FROM sessions WHERE id = $1', [sessionId])) as { assisted: boolean }[];
  if (row?.assisted) {
    throw new AppException(HttpStatus.FORBIDDEN, 'ASSISTED_SESSION', 'Sign in on your own phone (with your card) to do this');
  }
}
