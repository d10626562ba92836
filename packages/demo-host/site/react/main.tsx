import '@carnet/components';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { setUpLanguageButtons, type SiteLocale } from '../site-shell.js';
import { CarnetReactPage } from './carnet-page.js';

const container = document.querySelector('#app');
if (container) {
  const root = createRoot(container);
  const render = (locale: SiteLocale): void =>
    root.render(
      <StrictMode>
        <CarnetReactPage locale={locale} />
      </StrictMode>,
    );
  // React owns the provider: it sets its `locale` property, the shell only its own words.
  setUpLanguageButtons(render, { providers: false });
  render('fr');
}
