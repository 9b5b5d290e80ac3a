import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { Providers } from './app/providers';
import { AppRoutes } from './app/router';
import './lib/i18n';
import { applyStoredTextSize } from './components/text-size/text-size';
import { warmEnrolledCourses } from './lib/offline-courses';
import { startOutboxSync } from './lib/outbox';
import './styles.css';

applyStoredTextSize();
startOutboxSync();
// After the first screen: the service worker (its code loads apart), then the enrolled courses stored for offline.
window.addEventListener('load', () => void import('./lib/service-worker').then((sw) => sw.registerServiceWorker(() => void warmEnrolledCourses())));

// Rendered as a transition: React builds the first page in slices of a few milliseconds and lets the
// phone's browser breathe between them (no long task), while the HTML's first screen stays in view.
startTransition(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <Providers>
        {/* Each address change shows at once (the page's spinner if its code is still coming), so the menu and the page never lag behind the address. */}
        <BrowserRouter useTransitions={false}>
          <AppRoutes />
        </BrowserRouter>
      </Providers>
    </StrictMode>,
  ),
);
