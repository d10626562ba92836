/** The medical profile of the kidney persona, shared by the stories and tests of the profile and the card. */
import { createLocalDataSource } from '@carnet/catalog-sdk';

/** Writes a plausible profile (penicillin allergy, daughter to call…) into the local record `dbName`, once. */
export async function seedKidneyProfile(dbName: string): Promise<void> {
  const source = createLocalDataSource({ dbName });
  try {
    const profile = source.medicalProfile;
    if ((await profile.get()).allergies.length > 0) return;
    await profile.add('allergy', {
      substance: 'Pénicilline',
      type: 'allergy',
      category: 'medication',
      severity: 'high',
      reaction: 'Œdème de Quincke',
    });
    await profile.add('allergy', {
      substance: 'Produits de contraste iodés',
      type: 'allergy',
      category: 'medication',
      severity: 'low',
    });
    await profile.add('allergy', { substance: 'Lactose', type: 'intolerance', category: 'food', severity: 'low' });
    await profile.add('contact', { name: 'Claire Martin', relationship: 'Fille', phone: '06 12 34 56 78' });
    await profile.add('bloodGroup', { group: 'A+' });
    await profile.add('condition', {
      name: 'Insuffisance rénale chronique stade 5 (hémodialyse)',
      since: '2019-03-01',
    });
    await profile.add('condition', { name: 'Hypertension artérielle', since: '2012-06-01' });
    await profile.add('vaccination', { vaccine: 'Hépatite B (rappel)', date: '2025-02-11' });
    await profile.add('vaccination', { vaccine: 'Grippe saisonnière', date: '2025-10-14' });
  } finally {
    source.close();
  }
}
