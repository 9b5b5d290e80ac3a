import type { FieldValues, Resolver } from 'react-hook-form';

/**
 * A form resolver whose checking code (zod and its resolver, ~7 KB gzip) is not part of the page's first
 * download: it is fetched when the browser is idle, or at the first submit if that comes sooner. If it
 * cannot be fetched, the form is sent unchecked and the server's answer names the fields (it decides anyway).
 */
export function lazyResolver<T extends FieldValues>(load: () => Promise<Resolver<T>>): Resolver<T> {
  let loading: Promise<Resolver<T> | null> | undefined;
  const get = () =>
    (loading ??= load().catch(() => {
      loading = undefined;
      return null;
    }));
  (window.requestIdleCallback ?? ((run: () => void) => setTimeout(run, 1000)))(() => void get());
  return async (values, context, options) => {
    const resolver = await get();
    return resolver ? resolver(values, context, options) : { values, errors: {} };
  };
}
