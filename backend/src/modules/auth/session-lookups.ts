import type { DataSource } from 'typeorm';
import { preparedQuery } from '../../database/prepared';
import type { Role, ScopeLevel, UserStatus } from '../users/entities/user.entity';

export type SessionRow = {
  id: string; user_id: string; expires_at: Date; last_seen_at: Date; revoked_at: Date | null;
  role: Role; status: UserStatus; scope_level: ScopeLevel | null; scope_unit_id: string | null;
};

/**
 * The sessions and the user fields requests need, by token hash (no entity hydration). Hashes go as
 * `\x…` text: an array of them casts to bytea[] the same way on PostgreSQL and PGlite.
 */
const LOOKUP_SQL = `
  SELECT encode(s.token_hash, 'hex') AS key, s.id, s.user_id, s.expires_at, s.last_seen_at, s.revoked_at,
         u.role, u.status, u.scope_level, u.scope_unit_id
    FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ANY($1::text[]::bytea[])`;

type Settle = { resolve: (row: SessionRow | undefined) => void; reject: (err: unknown) => void };

/**
 * Session lookups asked for in one event-loop turn go to the database as one query. Under load many
 * requests of sessions not cached in this process arrive together (each a round trip of its own
 * before), and a lone lookup waits only until the end of the turn.
 */
export class SessionLookups {
  /** Waiting requests by token hash (hex). */
  private waiting = new Map<string, Settle[]>();

  constructor(private readonly dataSource: DataSource) {}

  /** The session with this token hash, or undefined. */
  find(hash: Buffer): Promise<SessionRow | undefined> {
    const key = hash.toString('hex');
    return new Promise((resolve, reject) => {
      const same = this.waiting.get(key);
      if (same) return void same.push({ resolve, reject });
      if (this.waiting.size === 0) setImmediate(() => void this.flush());
      this.waiting.set(key, [{ resolve, reject }]);
    });
  }

  private async flush(): Promise<void> {
    const batch = this.waiting;
    this.waiting = new Map();
    try {
      const rows = await preparedQuery<SessionRow & { key: string }>(this.dataSource, 'session_lookup', LOOKUP_SQL, [[...batch.keys()].map((key) => `\\x${key}`)]);
      const byKey = new Map(rows.map(({ key, ...row }) => [key, row]));
      for (const [key, settle] of batch) for (const s of settle) s.resolve(byKey.get(key));
    } catch (err) {
      for (const settle of batch.values()) for (const s of settle) s.reject(err);
    }
  }
}
