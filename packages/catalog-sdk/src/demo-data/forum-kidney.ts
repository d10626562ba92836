/** Peer-support threads of the kidney-failure community (fictitious members). */
import { HOSTILE_BODY, SELF, TROLL_PSEUDONYM, type ThreadSeed } from './vocabulary.js';

/** Threads of the kidney-failure community, most written by peers. */
export const KIDNEY_THREADS: readonly ThreadSeed[] = [
  {
    title: 'Astuces pour les séances de dialyse',
    lastActivityDaysAgo: 2,
    extraReplies: 4,
    posts: [
      {
        by: 'Goéland56',
        body: "Quatre heures trois fois par semaine, c'est long ! Partageons nos astuces pour *faire passer le temps*.",
      },
      {
        by: SELF,
        body:
          'Voici mon petit kit :\n\n- un plaid (on a vite froid)\n- une tablette avec des podcasts\n- des mots croisés pour la dernière heure\n\n' +
          'Et je demande toujours le même fauteuil, près de la fenêtre.',
      },
      { by: 'Lilas_49', replyTo: 1, body: "Le plaid, *indispensable*. J'ajoute des chaussettes chaudes." },
      { by: 'Ours_Brun', body: "Certains centres prêtent des casques. Demandez à l'équipe soignante." },
    ],
  },
  {
    title: 'Restriction hydrique : comment tenir ?',
    lastActivityDaysAgo: 9,
    extraReplies: 2,
    posts: [
      { by: 'Clementine84', body: "Un demi-litre par jour plus la diurèse, l'été c'est dur. Des idées ?" },
      {
        by: SELF,
        body: "1. des glaçons à sucer plutôt qu'un verre d'eau\n2. une petite tasse au lieu d'un mug\n3. éviter les plats trop salés, ça donne soif",
      },
      {
        by: 'Tournesol',
        body: "La fiche de France Rein sur l'alimentation m'a bien aidée : https://www.francerein.org",
      },
    ],
  },
  {
    title: 'Inscription sur la liste de greffe',
    lastActivityDaysAgo: 25,
    posts: [
      {
        by: SELF,
        body: "Mon bilan pré-greffe est enfin terminé. Combien de temps avez-vous attendu après l'inscription ?",
      },
      {
        by: 'Marmotte71',
        body: "Deux ans et demi pour moi. Le plus dur, c'est de garder le téléphone allumé *tout le temps*.",
      },
      { by: 'Hirondelle33', replyTo: 1, body: 'Ça dépend beaucoup du groupe sanguin et de la région, courage !' },
    ],
  },
  {
    title: 'Potassium : les aliments pièges',
    lastActivityDaysAgo: 55,
    extraReplies: 3,
    posts: [
      {
        by: 'PetitPas',
        body: 'Mon dernier bilan pré-dialyse montre un potassium trop haut. Quels aliments avez-vous réduits ?',
      },
      {
        by: 'Goéland56',
        body: '- bananes\n- chocolat\n- fruits secs\n- et les légumes, je les fais bouillir deux fois',
      },
      {
        by: 'RemedeNaturel',
        reportCount: 1,
        body: 'Buvez 3 litres de tisane détox par jour, ça nettoie les reins mieux que la dialyse.',
      },
      {
        by: 'Ours_Brun',
        replyTo: 2,
        body: "C'est *très dangereux* en dialyse, l'eau en excès se paie en œdèmes. Signalé.",
      },
    ],
  },
  {
    title: 'Prendre soin de sa fistule',
    lastActivityDaysAgo: 80,
    posts: [
      { by: 'Lilas_49', body: 'Ma fistule a six mois. Vous faites quoi au quotidien pour la protéger ?' },
      {
        by: SELF,
        body: 'Pas de montre ni de sac sur ce bras, pas de prise de tension non plus, et je *vérifie le frisson* chaque matin.',
      },
    ],
  },
  {
    title: 'Vacances et dialyse',
    lastActivityDaysAgo: 140,
    posts: [
      { by: 'Tournesol', body: "Quelqu'un a déjà organisé une dialyse de vacances au bord de la mer ?" },
      { by: TROLL_PSEUDONYM, body: HOSTILE_BODY },
      {
        by: 'Clementine84',
        body: "Oui, le centre s'occupe de transmettre le dossier. Il faut s'y prendre trois mois avant.",
      },
    ],
  },
  {
    title: 'Démangeaisons le soir',
    lastActivityDaysAgo: 210,
    posts: [{ by: 'Hirondelle33', body: 'Ça gratte beaucoup le soir depuis quelques semaines. Lié au phosphore ?' }],
  },
];
