import { createRouter, createWebHashHistory } from 'vue-router';
import type { OperationName } from '../../shared/contract';
import BeheerKalenderView from './views/BeheerKalenderView.vue';
import CallbacksView from './views/CallbacksView.vue';
import CustomerView from './views/CustomerView.vue';
import HomeView from './views/HomeView.vue';
import OutboxView from './views/OutboxView.vue';
import RedactieView from './views/RedactieView.vue';
import ScreenPopView from './views/ScreenPopView.vue';
import SignInView from './views/SignInView.vue';
import VerwerkingenView from './views/VerwerkingenView.vue';

declare module 'vue-router' {
  interface RouteMeta {
    /** The operation the view is built on: it is offered (and opened) only to who may call it (lib/may-call.ts). */
    operation?: OperationName;
  }
}

/** Hash history: works the same from file:// (Electron) and from the browser host. No BSN in a URL, ever. */
export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/', name: 'home', component: HomeView },
    // Shown by Root.vue while nobody is signed in (the router guard there sends every route here).
    { path: '/inloggen', name: 'inloggen', component: SignInView },
    { path: '/klant/:id', name: 'klant', component: CustomerView, props: true, meta: { operation: 'customers.open' } },
    { path: '/terugbelverzoeken', name: 'terugbelverzoeken', component: CallbacksView, meta: { operation: 'callbacks.list' } },
    { path: '/wachtrij', name: 'wachtrij', component: OutboxView, meta: { operation: 'outbox.list' } },
    { path: '/kennisredactie', name: 'kennisredactie', component: RedactieView, meta: { operation: 'kennis.feedbackList' } },
    { path: '/inkomend', name: 'inkomend', component: ScreenPopView, meta: { operation: 'customers.screenPop' } },
    { path: '/beheer/kalender', name: 'beheer-kalender', component: BeheerKalenderView, meta: { operation: 'beheer.kalender' } },
    { path: '/beheer/verwerkingen', name: 'beheer-verwerkingen', component: VerwerkingenView, meta: { operation: 'verwerkingen.list' } },
    // Loaded when opened: chart.js is only needed by the team leader.
    { path: '/teamleider', name: 'teamleider', component: () => import('./views/TeamleiderView.vue'), meta: { operation: 'teamleider.overzicht' } },
    { path: '/:pathMatch(.*)*', redirect: '/' },
  ],
});

/** After navigating by link, move focus to the new view's heading (not on the first load). */
router.afterEach(async (to, from, failure) => {
  if (failure || from.matched.length === 0 || to.name === 'klant') return;
  await new Promise((resolve) => requestAnimationFrame(resolve));
  document.querySelector<HTMLElement>('main h1')?.focus();
});
