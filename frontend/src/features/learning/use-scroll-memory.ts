import { useEffect } from 'react';

const key = (id: string) => `bdhvs.scroll.${id}`;

/** Remembers how far down a lesson the learner read, and returns there next time. */
export function useScrollMemory(id: string, ready: boolean) {
  useEffect(() => {
    if (!ready) return;
    const saved = Number(localStorage.getItem(key(id)) ?? 0);
    if (saved > 0) window.scrollTo({ top: saved });
    let timer: number | undefined;
    const onScroll = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => localStorage.setItem(key(id), String(Math.round(window.scrollY))), 300);
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      window.clearTimeout(timer);
      window.removeEventListener('scroll', onScroll);
    };
  }, [id, ready]);
}
