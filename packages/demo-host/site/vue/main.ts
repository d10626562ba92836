import '@carnet/components';
import { createApp, h, ref } from 'vue';
import { setUpLanguageButtons, type SiteLocale } from '../site-shell.js';
import CarnetPage from './CarnetPage.vue';

const locale = ref<SiteLocale>('fr');
// Vue owns the provider: it sets its `locale` property, the shell only its own words.
setUpLanguageButtons((next) => (locale.value = next), { providers: false });
createApp({ render: () => h(CarnetPage, { locale: locale.value }) }).mount('#app');
