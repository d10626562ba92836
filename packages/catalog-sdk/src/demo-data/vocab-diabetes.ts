/**
 * Vocabulary of the diabetes persona: Camille Durand, 54, type 2 diabetes on
 * tablets and basal insulin, followed in Lyon. Entirely fictitious.
 */
import { DIABETES_THREADS } from './forum-diabetes.js';
import type { PersonaVocabulary } from './vocabulary.js';

/** The diabetes persona's vocabulary. */
export const DIABETES_VOCABULARY: PersonaVocabulary = {
  id: 'diabetes',
  given: 'Camille',
  family: 'Durand',
  gender: 'female',
  age: 54,
  birthday: '03-14',
  pseudonym: 'Colibri54',
  conditionLabel: 'Diabète de type 2',
  careTeam: [
    { role: 'gp', prefix: 'Dr', given: 'Hélène', family: 'Marchand', specialty: 'Médecin traitant', organisation: 'Cabinet médical des Tilleuls', mailDomain: 'tilleuls', areaCode: '04' },
    { role: 'specialist', prefix: 'Dr', given: 'Karim', family: 'Haddad', specialty: 'Endocrinologue', organisation: 'CHU de Lyon', mailDomain: 'chu-lyon', areaCode: '04' },
    { role: 'ophthalmologist', prefix: 'Dr', given: 'Sophie', family: 'Garnier', specialty: 'Ophtalmologue', organisation: 'Centre ophtalmologique Bellecour', mailDomain: 'ophtalmo-bellecour', areaCode: '04' },
    { role: 'nurse', given: 'Julien', family: 'Roux', specialty: 'Infirmier', organisation: 'Cabinet infirmier de la Croix-Rousse', mailDomain: 'idel-croixrousse', areaCode: '04' },
    { role: 'pharmacist', given: 'Nadia', family: 'Perrin', specialty: 'Pharmacienne', organisation: 'Pharmacie du Parc', mailDomain: 'pharmacie-parc', areaCode: '04' },
    { role: 'podiatrist', given: 'Lucas', family: 'Fontaine', specialty: 'Pédicure-podologue', organisation: 'Cabinet de podologie Saxe', mailDomain: 'podologie-saxe', areaCode: '04' },
    { role: 'dietitian', given: 'Amandine', family: 'Lemoine', specialty: 'Diététicienne', organisation: 'CHU de Lyon', mailDomain: 'chu-lyon', areaCode: '04' },
  ],
  externalProfessionals: [
    { role: 'biologist', prefix: 'Dr', given: 'Paul', family: 'Mercier', specialty: 'Biologiste', organisation: 'Laboratoire Bio Rhône', mailDomain: 'biorhone', areaCode: '04' },
    { role: 'radiologist', prefix: 'Dr', given: 'Inès', family: 'Carpentier', specialty: 'Radiologue', organisation: 'Centre d\'imagerie Lyon Sud', mailDomain: 'imagerie-lyonsud', areaCode: '04' },
    { role: 'cardiologist', prefix: 'Dr', given: 'Bernard', family: 'Colin', specialty: 'Cardiologue', organisation: 'Clinique du Val d\'Ouest', mailDomain: 'val-ouest', areaCode: '04' },
  ],
  kindWeights: [
    ['lab-result', 34],
    ['prescription', 26],
    ['consultation-note', 16],
    ['imaging', 5],
    ['discharge-summary', 3],
    ['referral-letter', 5],
    ['vaccination', 4],
    ['other', 7],
  ],
  documentTemplates: [
    { kind: 'prescription', title: 'Ordonnance — renouvellement {medication}', by: ['gp'], weight: 6, tags: ['ordonnances'], imageShare: 0.15 },
    { kind: 'prescription', title: 'Ordonnance — bandelettes et lancettes', by: ['gp', 'specialist'], weight: 2 },
    { kind: 'prescription', title: 'Ordonnance — capteurs de glycémie en continu', by: ['specialist'], weight: 2, descriptions: ['Capteurs pour 3 mois, à renouveler.'] },
    { kind: 'prescription', title: 'Ordonnance — soins infirmiers à domicile', by: ['gp'] },
    { kind: 'prescription', title: 'Ordonnance — soins de pédicurie (grade 2)', by: ['specialist', 'gp'], tags: ['pied diabétique'] },
    { kind: 'lab-result', title: "Résultats d'analyses — hémoglobine glyquée (HbA1c)", by: ['biologist'], weight: 6, tags: ['suivi'], descriptions: ['HbA1c en baisse depuis le dernier contrôle.', 'À comparer avec le résultat précédent.'] },
    { kind: 'lab-result', title: "Résultats d'analyses — glycémie à jeun", by: ['biologist'], weight: 3 },
    { kind: 'lab-result', title: "Résultats d'analyses — microalbuminurie", by: ['biologist'], weight: 2, descriptions: ['Dépistage annuel de l\'atteinte rénale.'] },
    { kind: 'lab-result', title: "Résultats d'analyses — créatinine et DFG", by: ['biologist'], weight: 2 },
    { kind: 'lab-result', title: 'Bilan annuel diabète — {year}', by: ['biologist'], tags: ['suivi'] },
    { kind: 'imaging', title: 'Fond d\'œil', by: ['ophthalmologist'], weight: 3, tags: ['yeux'], imageShare: 0.5, descriptions: ['Pas de rétinopathie diabétique.', 'Rétinographie des deux yeux.'] },
    { kind: 'imaging', title: 'Échographie-doppler des artères des membres inférieurs', by: ['radiologist'] },
    { kind: 'imaging', title: 'Électrocardiogramme de repos', by: ['cardiologist'], imageShare: 0.4 },
    { kind: 'discharge-summary', title: "Compte rendu d'hospitalisation — service d'endocrinologie", by: ['specialist'], tags: ['à montrer au médecin traitant'], descriptions: ['Hospitalisation de jour pour mise sous insuline.'] },
    { kind: 'discharge-summary', title: "Compte rendu d'hospitalisation de jour — bilan diabète", by: ['specialist'] },
    { kind: 'consultation-note', title: 'Compte rendu de consultation — diabétologie', by: ['specialist'], weight: 3 },
    { kind: 'consultation-note', title: 'Bilan podologique annuel', by: ['podiatrist'], tags: ['pied diabétique'], descriptions: ['Gradation du risque podologique : grade 1.'] },
    { kind: 'consultation-note', title: 'Consultation diététique — plan alimentaire', by: ['dietitian'], tags: ['alimentation'] },
    { kind: 'consultation-note', title: 'Consultation de cardiologie — bilan annuel', by: ['cardiologist'] },
    { kind: 'referral-letter', title: "Lettre d'adressage — consultation d'ophtalmologie", by: ['gp'] },
    { kind: 'other', title: "Carnet d'autosurveillance glycémique — {monthYear}", by: ['nurse'], imageShare: 0.6, tags: ['glycémies'] },
  ],
  medicationNames: ['metformine', 'insuline glargine', 'atorvastatine', 'empagliflozine', 'bandelettes glycémiques'],
  tags: ['suivi', 'urgent', 'pied diabétique', 'glycémies', 'à montrer à l\'endocrinologue', 'ordonnances', 'yeux', 'alimentation'],
  forumThreads: DIABETES_THREADS,
};
