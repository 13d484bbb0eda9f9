import './lib/zod-jitless';
import { createPinia } from 'pinia';
import { createApp } from 'vue';
import Root from './Root.vue';
import { i18n } from './i18n';
import { router } from './router';
import './styles/global.css';

createApp(Root).use(createPinia()).use(router).use(i18n).mount('#app');
