import '@carnet/components';
import { provideZonelessChangeDetection } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
import { setUpLanguageButtons } from '../site-shell.js';
import { CarnetAngularPageComponent } from './carnet-page.component.js';

const app = await bootstrapApplication(CarnetAngularPageComponent, {
  providers: [provideZonelessChangeDetection()],
});
const page = app.components[0]?.instance as CarnetAngularPageComponent | undefined;
// Angular owns the provider: it sets its `locale` property, the shell only its own words.
setUpLanguageButtons((locale) => page?.locale.set(locale), { providers: false });
