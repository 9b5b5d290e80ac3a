import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiRequestError } from '../../lib/api-client';

export type Saved<T> = { value: T; version: number };

export type SaveStatus<T> =
  | { kind: 'saved'; at: Date | null }
  | { kind: 'unsaved' }
  | { kind: 'saving' }
  /** The network or the server failed: tried again by itself at `at`, or at once when the connection returns. */
  | { kind: 'retrying'; at: Date }
  /** The server refused the text (too long, a bad field): tried again after the next change. */
  | { kind: 'refused'; error: ApiRequestError }
  /** Someone else saved first: both texts are kept until the person chooses. */
  | { kind: 'conflict'; yours: T; theirs: Saved<T> };

type Options<T> = {
  /** Where the draft waits in the browser until the server has it (a reload or a crash loses nothing). */
  storageKey: string;
  server: Saved<T>;
  save: (value: T, version: number) => Promise<Saved<T>>;
  /** The other person's version from a 409's details. */
  theirs: (error: ApiRequestError) => Saved<T> | null;
  delay?: number;
};

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function readBackup<T>(key: string): Saved<T> | null {
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as Saved<T>) : null;
  } catch {
    return null;
  }
}

/**
 * A draft saved shortly after each change, with the version it was based on (the server refuses an
 * older one with a conflict). Kept in localStorage until the server has it; network failures are
 * retried with growing waits; a conflict stops saving until the person keeps theirs, takes the
 * other's or merges by hand.
 */
export function useAutosave<T>({ storageKey, server, save, theirs, delay = 1500 }: Options<T>) {
  // What was left in this browser and never reached the server comes back, or meets the newer server text as a conflict.
  const [initial] = useState(() => {
    const backup = readBackup<T>(storageKey);
    if (!backup || same(backup.value, server.value)) return { draft: server.value, status: { kind: 'saved', at: null } as SaveStatus<T> };
    if (backup.version === server.version) return { draft: backup.value, status: { kind: 'unsaved' } as SaveStatus<T> };
    return { draft: backup.value, status: { kind: 'conflict', yours: backup.value, theirs: server } as SaveStatus<T> };
  });
  const [draft, setDraftState] = useState<T>(initial.draft);
  const [status, setStatusState] = useState<SaveStatus<T>>(initial.status);
  const draftRef = useRef(initial.draft);
  const statusRef = useRef(initial.status);
  const version = useRef(server.version);
  const savedJson = useRef(JSON.stringify(server.value));
  const timer = useRef<number | undefined>(undefined);
  const inFlight = useRef(false);
  const failures = useRef(0);
  const saveRef = useRef(save);
  saveRef.current = save;
  const theirsRef = useRef(theirs);
  theirsRef.current = theirs;

  const setStatus = (s: SaveStatus<T>) => {
    statusRef.current = s;
    setStatusState(s);
  };
  const backup = (value: T) => {
    try {
      localStorage.setItem(storageKey, JSON.stringify({ value, version: version.current }));
    } catch {
      // Storage full or off: the server copy and the open page still hold the text.
    }
  };

  const run = useCallback(async (): Promise<void> => {
    window.clearTimeout(timer.current);
    if (inFlight.current || statusRef.current.kind === 'conflict') return;
    const snapshot = draftRef.current;
    const json = JSON.stringify(snapshot);
    if (json === savedJson.current) {
      localStorage.removeItem(storageKey);
      if (statusRef.current.kind !== 'saved') setStatus({ kind: 'saved', at: new Date() });
      return;
    }
    inFlight.current = true;
    setStatus({ kind: 'saving' });
    try {
      const saved = await saveRef.current(snapshot, version.current);
      version.current = saved.version;
      savedJson.current = json;
      failures.current = 0;
      if (JSON.stringify(draftRef.current) === json) {
        localStorage.removeItem(storageKey);
        setStatus({ kind: 'saved', at: new Date() });
      } else {
        backup(draftRef.current);
        setStatus({ kind: 'unsaved' });
        timer.current = window.setTimeout(() => void run(), delay);
      }
    } catch (error) {
      const other = error instanceof ApiRequestError && error.status === 409 ? theirsRef.current(error) : null;
      if (other) setStatus({ kind: 'conflict', yours: draftRef.current, theirs: other });
      else if (error instanceof ApiRequestError && error.status >= 400 && error.status < 500 && error.status !== 408 && error.status !== 429) {
        setStatus({ kind: 'refused', error });
      } else {
        failures.current += 1;
        const wait = Math.min(30_000, 2_000 * 2 ** (failures.current - 1));
        setStatus({ kind: 'retrying', at: new Date(Date.now() + wait) });
        timer.current = window.setTimeout(() => void run(), wait);
      }
    } finally {
      inFlight.current = false;
    }
  }, [delay, storageKey]);

  const setDraft = useCallback(
    (value: T) => {
      draftRef.current = value;
      setDraftState(value);
      backup(value);
      if (statusRef.current.kind === 'conflict' || statusRef.current.kind === 'retrying') return;
      if (!inFlight.current) setStatus({ kind: 'unsaved' });
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => void run(), delay);
    },
    [delay, run],
  );

  // A draft restored from this browser is sent at once; a returning connection retries at once.
  useEffect(() => {
    if (statusRef.current.kind === 'unsaved') void run();
    const online = () => {
      if (statusRef.current.kind === 'retrying') void run();
    };
    window.addEventListener('online', online);
    return () => window.removeEventListener('online', online);
  }, [run]);

  // Leaving the page with text not yet on the server: the browser asks first (the copy in storage stays either way).
  useEffect(() => {
    const beforeUnload = (e: BeforeUnloadEvent) => {
      if (statusRef.current.kind !== 'saved') e.preventDefault();
    };
    window.addEventListener('beforeunload', beforeUnload);
    return () => {
      window.removeEventListener('beforeunload', beforeUnload);
      window.clearTimeout(timer.current);
      // Leaving the editor inside the app: what is pending goes now.
      if (statusRef.current.kind === 'unsaved' || statusRef.current.kind === 'retrying') void run();
    };
  }, [run]);

  const resolve = {
    /** Saves this person's text over the other's (theirs stays in the conflict view until then). */
    keepMine: () => {
      if (statusRef.current.kind !== 'conflict') return;
      version.current = statusRef.current.theirs.version;
      setStatus({ kind: 'unsaved' });
      void run();
    },
    takeTheirs: () => {
      if (statusRef.current.kind !== 'conflict') return;
      const { value, version: v } = statusRef.current.theirs;
      version.current = v;
      savedJson.current = JSON.stringify(value);
      draftRef.current = value;
      setDraftState(value);
      localStorage.removeItem(storageKey);
      setStatus({ kind: 'saved', at: new Date() });
    },
    /** The text merged by hand, saved over the other's version. */
    merge: (value: T) => {
      if (statusRef.current.kind !== 'conflict') return;
      version.current = statusRef.current.theirs.version;
      draftRef.current = value;
      setDraftState(value);
      backup(value);
      setStatus({ kind: 'unsaved' });
      void run();
    },
  };

  return { draft, setDraft, status, retryNow: () => void run(), resolve };
}
