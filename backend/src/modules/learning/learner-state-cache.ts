import { Injectable } from '@nestjs/common';
import { makeRoom } from '../../common/memory/make-room';
import { RecentForgets } from '../../common/memory/recent-forgets';
import { InvalidationBus } from '../../common/redis/invalidation-bus';
import { COURSE_CONTENT_TOPIC } from '../content/content-import.service';

/** The learner's side of a course as `lessons.service` reads it: course version, enrolment, lessons done. */
export type LearnerState = { course_id: string; content_hash: string; ordering: string; status: string | null; last_lesson_id: string | null; done: string[] };

/** How long a process trusts a state it read: the bound on staleness for a message lost while Redis was away. */
const TTL_MS = 10_000;
const MAX_PEOPLE = 50_000;
const TOPIC = 'learner-state';

type Entry = { state: LearnerState; done: Set<string>; until: number };

/**
 * Learner states per person and course, kept a few seconds per process so that reading lesson after
 * lesson needs no query. A first completion or leaving a course calls `forget(userId)` after its
 * commit, which drops the person here and in every other API process; an import or a studio publish
 * that changes a course drops that course for everyone the same way (`COURSE_CONTENT_TOPIC`), so
 * learners see the new version at once. Callers trust a cached state only to allow: whatever it
 * would refuse is read again from the database.
 */
@Injectable()
export class LearnerStateCache {
  private readonly people = new Map<string, Map<string, Entry>>();
  /** When each person was last forgotten (kept one TTL): a read that began before it is not cached. */
  private readonly forgotten = new RecentForgets(TTL_MS);
  /** When each course (slug) last changed, likewise. */
  private readonly changed = new RecentForgets(TTL_MS);

  constructor(private readonly bus: InvalidationBus) {
    bus.on(TOPIC, (userId) => this.drop(userId));
    bus.on(COURSE_CONTENT_TOPIC, (slug) => this.dropCourse(slug));
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
    const changedAt = this.changed.get(courseSlug, now);
    if (changedAt !== undefined && changedAt >= readStartedAt) return;
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

  /** Rare (a publish), so a walk over the people kept is fine. */
  private dropCourse(slug: string): void {
    for (const courses of this.people.values()) courses.delete(slug);
    this.changed.add(slug);
  }
}
