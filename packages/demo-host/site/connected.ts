import '@carnet/components';
import { followSummaryLinks, setUpLanguageButtons } from './site-shell.js';

const PATHOLOGIES = ['parkinson', 'diabetes', 'kidney'] as const;

const provider = document.querySelector('carnet-provider');

// The demo platform names each persona's patient `patient-<pathology>` (the second one `patient-<pathology>-2`):
// tune the widgets (forum community) to it.
provider?.addEventListener('carnet-session-change', (event) => {
  const pathology = PATHOLOGIES.find(
    (name) => event.detail.patientId === `patient-${name}` || event.detail.patientId === `patient-${name}-2`,
  );
  if (event.detail.authenticated && pathology) provider.setAttribute('pathology', pathology);
  else provider.removeAttribute('pathology');
});

setUpLanguageButtons();
followSummaryLinks();
