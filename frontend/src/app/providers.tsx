import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ApiRequestError } from '../lib/api-client';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // Ask even when the browser says "offline": the service worker may answer from its cache.
      networkMode: 'offlineFirst',
      // Cheap phones on flaky networks: retry network failures, never 4xx answers, and not while
      // offline (the page then says the network is needed instead of loading forever).
      retry: (count, error) => navigator.onLine && !(error instanceof ApiRequestError && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});

export function Providers({ children }: { children: ReactNode }) {
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}
