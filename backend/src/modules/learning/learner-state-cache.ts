import { Injectable } from '@nestjs/common';
import { makeRoom } from '../../common/memory/make-room';
import { RecentForgets } from '../../common/memory/recent-forgets';
import { InvalidationBus } from '../../common/redis/invalidation-bus';

/** The learner's side of a course as `lessons.service` reads it: course version, enrolment, lessons done. */
export type LearnerState = { course_id: string; content_hash: string; ordering: string; status: string | null; last_lesson_id: string | null; done: string[] };

/**
 * How long a process trusts a state it read: the bound on staleness for what is not broadcast (a
 * course imported again, a message lost while Redis was away).
 */
const TTL_MS = 10_000;
const MAX_PEOPLE = 50_000;
const TOPIC = 'learner-state';

type Entry = { state: LearnerState; done: Set<string>; until: number };

/**
 * Learner states per person and course, kept a few seconds per process so that reading lesson after
 * lesson needs no query. A first completion or leaving a course calls `forget(userId)` after its
 * commit, which drops the person here and in every other API process. Callers trust a cached state
 * only to allow: whatever it would refuse is read again from the database.
 */
@Injectable()
export class LearnerStateCache {
  private readonly people = new Map<string, Map<string, Entry>>();
  /** When each person was last forgotten (kept one TTL): a read that began before it is not cached. */
  private readonly forgotten = new RecentForgets(TTL_MS);

  constructor(private readonly bus: InvalidationBus) {
    bus.on(TOPIC, (userId) => this.drop(userId));
  }

  get(userId: string, courseSlug: string, now = Date.now()): Entry | null {
    const entry = this.people.get(userId)?.get(courseSlug);
    if (!entry) return null;
    if (entry.until > now) return entry;
    this.people.get(userId)!.delete(courseSlug);
    return null;
  }

  /** Keeps a state read from the database, unless the person was forgotten since the read began. */
  set(userId: string, courseSlug: string, state: LearnerState, readStartedAt: number, now = Date.now()): void {
    const forgottenAt = this.forgotten.get(userId, now);
    if (forgottenAt !== undefined && forgottenAt >= readStartedAt) return;
    let courses = this.people.get(userId);
    if (!courses) {
      makeRoom(this.people, MAX_PEOPLE);
      courses = new Map();
      this.people.set(userId, courses);
    }
    courses.set(courseSlug, { state, done: new Set(state.done), until: now + TTL_MS });
  }

  /** Drops a person's states in every API process; call it after the change is committed. */
  forget(userId: string): Promise<void> {
    return this.bus.publish(TOPIC, userId);
  }

  private drop(userId: string): void {
    this.people.delete(userId);
    this.forgotten.add(userId);
  }
}
