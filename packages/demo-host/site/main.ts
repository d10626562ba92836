import '@carnet/components';

type Persona = 'parkinson' | 'diabetes' | 'kidney';
type Locale = 'fr' | 'en';

const widgets = document.querySelector<HTMLDivElement>('#widgets');
let locale: Locale = 'fr';

/** Renders the provider and its widgets for one persona, each persona in its own local database. */
function mount(persona: Persona): void {
  if (!widgets) return;
  widgets.replaceChildren();
  const provider = document.createElement('carnet-provider');
  provider.setAttribute('demo-persona', persona);
  provider.setAttribute('db-name', `carnet-demo-${persona}`);
  provider.setAttribute('locale', locale);
  provider.append(document.createElement('carnet-record-summary'));
  widgets.append(provider);
}

function selectedPersona(): Persona {
  const checked = document.querySelector<HTMLInputElement>('input[name="persona"]:checked');
  return (checked?.value as Persona | undefined) ?? 'parkinson';
}

document.querySelectorAll<HTMLInputElement>('input[name="persona"]').forEach((input) => {
  input.addEventListener('change', () => mount(selectedPersona()));
});

document.querySelectorAll<HTMLButtonElement>('button[data-locale]').forEach((button) => {
  button.addEventListener('click', () => {
    locale = button.dataset.locale === 'en' ? 'en' : 'fr';
    document.documentElement.lang = locale;
    document
      .querySelectorAll('button[data-locale]')
      .forEach((b) => b.setAttribute('aria-pressed', String(b === button)));
    document.querySelector('carnet-provider')?.setAttribute('locale', locale);
  });
});

mount(selectedPersona());
