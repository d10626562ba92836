/**
 * A realistic French patient record (~60 documents) for search tests: kidney
 * failure with dialysis, type 2 diabetes, a neurology follow-up. Synthetic data.
 */
import type { DocumentKind, HealthDocument } from '../../model/document.js';

type Extras = Partial<Pick<HealthDocument, 'author' | 'organisation' | 'description' | 'tags' | 'favourite'>>;

function document(id: number, kind: DocumentKind, date: string, title: string, extras: Extras = {}): HealthDocument {
  return {
    id: `doc-${String(id).padStart(2, '0')}`,
    title,
    kind,
    date: `${date}T09:30:00+01:00`,
    tags: extras.tags ?? [],
    favourite: extras.favourite ?? false,
    hiddenFromProfessionals: false,
    contentType: 'application/pdf',
    version: '1',
    ...(extras.author === undefined ? {} : { author: extras.author }),
    ...(extras.organisation === undefined ? {} : { organisation: extras.organisation }),
    ...(extras.description === undefined ? {} : { description: extras.description }),
  };
}

const MARTIN = 'Dr Claire Martin';
const LEFEVRE = 'Dr Paul Lefèvre';
const BENALI = 'Dr Inès Benali';
const ROUX = 'Dr Hélène Roux';
const DUBOIS = 'Dr Marc Dubois';
const GARNIER = 'Dr Léon Garnier';
const CHU = 'CHU de Lyon';
const HERRIOT = 'Hôpital Édouard-Herriot';
const DIALYSE = 'Centre de dialyse AURA';
const LABO = 'Laboratoire Cerballiance';
const CABINET = 'Cabinet médical des Pentes';
const NEURO = 'Cabinet de neurologie Bellecour';

/** The fixture documents, ids `doc-01` … `doc-60`. */
export const FRENCH_RECORD: readonly HealthDocument[] = [
  document(1, 'lab-result', '2025-01-14', "Dosage de l'hémoglobine glyquée (HbA1c)", {
    author: ROUX,
    organisation: LABO,
    tags: ['diabète', 'suivi'],
    favourite: true,
    description: 'HbA1c à 7,2 %, en baisse.',
  }),
  document(2, 'lab-result', '2024-10-02', 'Bilan sanguin complet', {
    organisation: LABO,
    tags: ['suivi'],
    description: 'Numération formule sanguine, ionogramme, créatinine.',
  }),
  document(3, 'lab-result', '2024-06-18', 'Créatininémie et débit de filtration glomérulaire', {
    author: BENALI,
    organisation: LABO,
    tags: ['dialyse', 'suivi'],
    description: 'DFG estimé à 14 mL/min.',
  }),
  document(4, 'lab-result', '2023-11-05', 'Bilan lipidique', {
    author: MARTIN,
    organisation: LABO,
    description: 'Cholestérol LDL à surveiller.',
  }),
  document(5, 'lab-result', '2023-03-21', 'Glycémie à jeun', { author: ROUX, organisation: LABO, tags: ['diabète'] }),
  document(6, 'lab-result', '2022-09-12', 'Résultats de la microalbuminurie', {
    author: BENALI,
    organisation: LABO,
    tags: ['dialyse'],
  }),
  document(7, 'lab-result', '2021-12-01', 'Kaliémie avant séance', {
    organisation: DIALYSE,
    tags: ['dialyse'],
    description: 'Potassium élevé, adapter le régime.',
  }),
  document(8, 'lab-result', '2025-03-03', 'Sérologies avant greffe rénale', {
    author: BENALI,
    organisation: CHU,
    tags: ['greffe', 'important'],
    favourite: true,
  }),
  document(9, 'imaging', '2024-02-11', 'Échographie rénale', {
    author: DUBOIS,
    organisation: CHU,
    tags: ['dialyse'],
    description: 'Reins de petite taille, pas de dilatation.',
  }),
  document(10, 'imaging', '2023-07-30', 'IRM cérébrale', {
    author: DUBOIS,
    organisation: HERRIOT,
    tags: ['parkinson'],
    description: 'Demandée par le neurologue pour bilan des tremblements.',
  }),
  document(11, 'imaging', '2022-05-16', 'IRM du genou droit', {
    author: DUBOIS,
    organisation: 'Clinique du Parc',
    description: 'Ménisque interne fissuré.',
  }),
  document(12, 'imaging', '2021-04-08', 'Radiographie du thorax', { author: DUBOIS, organisation: CHU }),
  document(13, 'imaging', '2024-09-09', 'Échographie du cœur (échocardiographie)', {
    author: 'Dr Sophie Nguyen',
    organisation: HERRIOT,
    tags: ['cœur'],
    description: 'Fraction d’éjection conservée.',
  }),
  document(14, 'imaging', '2025-02-20', 'Scanner abdominal', { author: DUBOIS, organisation: CHU, tags: ['greffe'] }),
  document(15, 'imaging', '2023-01-19', 'Fond d’œil', {
    author: 'Dr Julie Caron',
    organisation: CABINET,
    tags: ['diabète'],
    description: 'Pas de rétinopathie diabétique.',
  }),
  document(16, 'prescription', '2025-01-20', 'Ordonnance — insuline glargine', {
    author: ROUX,
    tags: ['diabète', 'renouvellement'],
    favourite: true,
    description: 'Stylos préremplis, 20 unités le soir.',
  }),
  document(17, 'prescription', '2024-11-12', 'Ordonnance de renouvellement', {
    author: MARTIN,
    organisation: CABINET,
    tags: ['renouvellement'],
    description: 'Metformine, ramipril, atorvastatine.',
  }),
  document(18, 'prescription', '2024-07-01', 'Ordonnance lévodopa', {
    author: LEFEVRE,
    organisation: NEURO,
    tags: ['parkinson'],
    description: 'Lévodopa/carbidopa 100 mg, trois prises par jour.',
  }),
  document(19, 'prescription', '2023-10-10', 'Ordonnance de kinésithérapie', {
    author: LEFEVRE,
    organisation: NEURO,
    tags: ['parkinson', 'suivi'],
  }),
  document(20, 'prescription', '2023-05-05', 'Prescription de bandelettes glycémiques', {
    author: MARTIN,
    organisation: CABINET,
    tags: ['diabète'],
  }),
  document(21, 'prescription', '2022-02-14', 'Ordonnance érythropoïétine', {
    author: BENALI,
    organisation: DIALYSE,
    tags: ['dialyse'],
    description: 'Injection après chaque séance de dialyse.',
  }),
  document(22, 'prescription', '2021-08-23', 'Ordonnance pour soins infirmiers', {
    author: MARTIN,
    organisation: CABINET,
    description: 'Passage infirmier pour injections d’insuline.',
  }),
  document(23, 'consultation-note', '2024-12-03', 'Consultation de néphrologie', {
    author: BENALI,
    organisation: CHU,
    tags: ['dialyse', 'suivi'],
    description: 'Préparation à la greffe, bilan prégreffe à programmer.',
  }),
  document(24, 'consultation-note', '2024-04-22', 'Consultation neurologue — suivi Parkinson', {
    author: LEFEVRE,
    organisation: NEURO,
    tags: ['parkinson', 'suivi'],
    favourite: true,
    description: 'Ajustement de la lévodopa, marche améliorée.',
  }),
  document(25, 'consultation-note', '2023-09-14', 'Consultation d’endocrinologie', {
    author: ROUX,
    organisation: CHU,
    tags: ['diabète'],
    description: 'Insuline à adapter selon les glycémies.',
  }),
  document(26, 'consultation-note', '2023-02-02', 'Consultation de médecine générale', {
    author: MARTIN,
    organisation: CABINET,
    tags: ['suivi'],
  }),
  document(27, 'consultation-note', '2022-06-27', 'Consultation de cardiologie', {
    author: 'Dr Sophie Nguyen',
    organisation: HERRIOT,
    tags: ['cœur'],
    description: 'Souffle cardiaque à surveiller, échographie demandée.',
  }),
  document(28, 'consultation-note', '2021-11-30', 'Consultation de podologie', {
    author: 'Mme Anne Petit',
    tags: ['diabète'],
    description: 'Pied diabétique : semelles conseillées.',
  }),
  document(29, 'consultation-note', '2025-02-05', 'Téléconsultation de suivi de dialyse', {
    author: BENALI,
    organisation: DIALYSE,
    tags: ['dialyse', 'suivi'],
  }),
  document(30, 'consultation-note', '2022-03-15', 'Consultation du neurologue', {
    author: LEFEVRE,
    organisation: NEURO,
    tags: ['parkinson'],
    description: 'Premiers tremblements, IRM prescrite.',
  }),
  document(31, 'discharge-summary', '2024-08-19', "Compte rendu d'hospitalisation en néphrologie", {
    author: BENALI,
    organisation: CHU,
    tags: ['dialyse', 'important'],
    favourite: true,
    description: 'Pose de fistule artérioveineuse.',
  }),
  document(32, 'discharge-summary', '2023-06-06', 'Hospitalisation pour hypoglycémie sévère', {
    author: ROUX,
    organisation: HERRIOT,
    tags: ['diabète', 'important'],
  }),
  document(33, 'discharge-summary', '2022-10-25', 'Séjour en soins de suite et de réadaptation', {
    organisation: 'Clinique du Parc',
    tags: ['parkinson'],
  }),
  document(34, 'discharge-summary', '2021-02-09', 'Sortie des urgences — malaise', {
    author: GARNIER,
    organisation: HERRIOT,
  }),
  document(35, 'vaccination', '2024-10-15', 'Vaccin contre la grippe saisonnière', {
    author: MARTIN,
    organisation: CABINET,
    tags: ['vaccins'],
  }),
  document(36, 'vaccination', '2023-10-20', 'Rappel Covid-19', { author: 'Pharmacie des Terreaux', tags: ['vaccins'] }),
  document(37, 'vaccination', '2022-11-02', 'Vaccin hépatite B', {
    author: BENALI,
    organisation: DIALYSE,
    tags: ['vaccins', 'dialyse'],
    description: 'Avant le début de la dialyse.',
  }),
  document(38, 'vaccination', '2021-06-11', 'Carnet de vaccination numérisé', { tags: ['vaccins'], favourite: true }),
  document(39, 'referral-letter', '2024-03-08', 'Lettre d’adressage au néphrologue', {
    author: MARTIN,
    organisation: CABINET,
    tags: ['dialyse'],
    description: 'Dégradation de la fonction rénale.',
  }),
  document(40, 'referral-letter', '2022-01-17', 'Courrier au neurologue', {
    author: MARTIN,
    organisation: CABINET,
    tags: ['parkinson'],
    description: 'Tremblement de repos de la main droite.',
  }),
  document(41, 'referral-letter', '2023-04-12', 'Adressage en diabétologie', {
    author: MARTIN,
    organisation: CABINET,
    tags: ['diabète'],
  }),
  document(42, 'other', '2024-01-05', 'Attestation de carte Vitale', { tags: ['administratif'] }),
  document(43, 'other', '2023-08-28', 'Protocole de soins ALD', {
    author: MARTIN,
    tags: ['administratif', 'important'],
    description: 'Affection de longue durée : insuffisance rénale chronique.',
  }),
  document(44, 'other', '2022-07-07', 'Directives anticipées', { tags: ['important'], favourite: true }),
  document(45, 'other', '2021-09-19', 'Carnet de suivi du diabète', { tags: ['diabète', 'suivi'] }),
  document(46, 'lab-result', '2024-03-29', 'Hémoglobine et ferritine', {
    organisation: DIALYSE,
    tags: ['dialyse'],
    description: 'Anémie modérée.',
  }),
  document(47, 'lab-result', '2023-12-12', 'Résultats d’analyses d’urine', {
    organisation: LABO,
    description: 'ECBU stérile.',
  }),
  document(48, 'imaging', '2021-10-04', 'Doppler des membres inférieurs', {
    author: DUBOIS,
    organisation: CHU,
    description: 'Contrôle de la fistule.',
  }),
  document(49, 'consultation-note', '2025-03-10', 'Consultation d’ophtalmologie', {
    author: 'Dr Julie Caron',
    organisation: CABINET,
    tags: ['diabète'],
    description: 'Examen par l’ophtalmologiste, rien à signaler.',
  }),
  document(50, 'prescription', '2025-03-12', 'Ordonnance — bilan sanguin trimestriel', {
    author: BENALI,
    organisation: DIALYSE,
    tags: ['dialyse', 'suivi'],
  }),
  document(51, 'consultation-note', '2024-05-30', 'Consultation diététique', {
    author: 'Mme Laure Fabre',
    organisation: DIALYSE,
    tags: ['dialyse'],
    description: 'Régime pauvre en potassium et en sel.',
  }),
  document(52, 'discharge-summary', '2025-01-28', 'Compte rendu opératoire — greffe rénale', {
    author: BENALI,
    organisation: CHU,
    tags: ['greffe', 'important'],
    favourite: true,
  }),
  document(53, 'lab-result', '2025-02-14', 'Taux de tacrolimus', {
    author: BENALI,
    organisation: CHU,
    tags: ['greffe', 'suivi'],
  }),
  document(54, 'imaging', '2025-03-14', 'Échographie du greffon', {
    author: DUBOIS,
    organisation: CHU,
    tags: ['greffe'],
    description: 'Greffon bien vascularisé.',
  }),
  document(55, 'other', '2024-06-01', 'Certificat médical pour le sport', { author: MARTIN, organisation: CABINET }),
  document(56, 'consultation-note', '2021-05-25', 'Consultation pneumologie — sommeil', {
    author: GARNIER,
    organisation: HERRIOT,
    description: 'Apnées du sommeil à explorer.',
  }),
  document(57, 'lab-result', '2021-03-15', 'Polygraphie ventilatoire', { author: GARNIER, organisation: HERRIOT }),
  document(58, 'prescription', '2024-02-26', 'Ordonnance de matériel : lecteur de glycémie', {
    author: ROUX,
    tags: ['diabète'],
  }),
  document(59, 'referral-letter', '2025-02-28', 'Lettre de liaison dialyse — greffe', {
    author: BENALI,
    organisation: DIALYSE,
    tags: ['dialyse', 'greffe'],
  }),
  document(60, 'other', '2023-12-30', 'Œdème des chevilles : photos', {
    tags: ['cœur'],
    description: 'Photos prises à la maison pour le cardiologue.',
  }),
];

/** A fixture document by number (1 … 60). */
export function fixtureDocument(number: number): HealthDocument {
  const found = FRENCH_RECORD[number - 1];
  if (found === undefined) throw new RangeError(`no fixture document ${number}`);
  return found;
}

/** Ids of fixture documents, by number. */
export function ids(...numbers: number[]): string[] {
  return numbers.map((number) => fixtureDocument(number).id);
}
