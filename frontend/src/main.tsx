import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router-dom';
import { Providers } from './app/providers';
import { router } from './app/router';
import './lib/i18n';
import { applyStoredTextSize } from './components/text-size/text-size';
import { warmEnrolledCourses } from './lib/offline-courses';
import { startOutboxSync } from './lib/outbox';
import { registerServiceWorker } from './lib/service-worker';
import './styles.css';

applyStoredTextSize();
startOutboxSync();
// Once the service worker runs, the enrolled courses are stored for reading offline.
registerServiceWorker(() => void warmEnrolledCourses());

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Providers>
      <RouterProvider router={router} />
    </Providers>
  </StrictMode>,
);
