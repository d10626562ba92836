/** Peer-support threads of the diabetes community (fictitious members). */
import { HOSTILE_BODY, SELF, TROLL_PSEUDONYM, type ThreadSeed } from './vocabulary.js';

/** Threads of the diabetes community, most written by peers. */
export const DIABETES_THREADS: readonly ThreadSeed[] = [
  {
    title: 'Capteur de glycémie et sport',
    lastActivityDaysAgo: 1,
    extraReplies: 3,
    posts: [
      {
        by: SELF,
        body:
          'Bonjour à toutes et à tous,\n\nJe porte un capteur depuis trois mois et je me remets à la marche nordique. ' +
          "Après une heure d'effort, mes courbes descendent *beaucoup* plus que prévu.\n\nComment faites-vous pour anticiper ?",
      },
      {
        by: 'Hirondelle33',
        body:
          "Même chose pour moi au vélo. Ce qui m'aide :\n\n- une collation avant de partir\n- regarder la flèche de tendance toutes les 20 minutes\n" +
          "- en parler avec l'infirmière d'éducation pour ajuster l'insuline la veille",
      },
      {
        by: 'Marmotte71',
        replyTo: 1,
        body: 'La fiche « Activité physique et diabète » de la Fédération est bien faite : https://www.federationdesdiabetiques.org',
      },
      { by: SELF, replyTo: 1, body: 'Merci ! Je teste la collation dès demain et je vous dis.' },
      {
        by: 'Tournesol',
        body: "Pensez aussi à garder du sucre dans la poche, *toujours*. Une fois j'ai été prise de court en pleine forêt.",
      },
    ],
  },
  {
    title: "Premiers pas avec l'insuline le soir",
    lastActivityDaysAgo: 12,
    posts: [
      {
        by: 'Lilas_49',
        body: "Mon endocrinologue veut ajouter une insuline lente au coucher. J'ai *peur des piqûres*, honnêtement.\n\nVous avez vécu ça comment ?",
      },
      {
        by: SELF,
        body: "J'avais la même appréhension il y a deux ans. Au final :\n\n1. l'aiguille est minuscule\n2. l'infirmier m'a montré trois fois\n3. au bout d'une semaine c'était devenu un réflexe",
      },
      { by: 'Goéland56', body: "Pareil, et on change de zone d'injection à chaque fois, ça évite les bosses." },
      { by: 'Lilas_49', replyTo: 1, body: 'Merci Colibri54, ça me rassure vraiment.' },
    ],
  },
  {
    title: 'Soins des pieds : vos routines',
    lastActivityDaysAgo: 30,
    extraReplies: 2,
    posts: [
      {
        by: 'Ours_Brun',
        body: "Le podologue m'a classé en grade 1. Il conseille de regarder ses pieds *tous les soirs*, avec un miroir si besoin.\n\nVous avez d'autres conseils ?",
      },
      {
        by: 'Clementine84',
        body: '- crème hydratante mais pas entre les orteils\n- chaussettes sans couture\n- jamais marcher pieds nus, même à la plage',
      },
      {
        by: SELF,
        body: "Je note la date de chaque séance de podologie dans mon agenda, sinon j'oublie de reprendre rendez-vous.",
      },
    ],
  },
  {
    title: 'Repas de fêtes et glycémie',
    lastActivityDaysAgo: 48,
    extraReplies: 4,
    posts: [
      { by: 'Tournesol', body: 'Les fêtes approchent… Comment gérez-vous les longs repas de famille ?' },
      { by: 'Hirondelle33', body: 'Je mange de tout mais en petites portions, et une *vraie* marche digestive après.' },
      {
        by: 'RemedeNaturel',
        reportCount: 1,
        body: 'Arrêtez la metformine, la cannelle suffit à faire baisser le sucre. Mon voisin a tout arrêté et il va très bien.',
      },
      {
        by: 'Marmotte71',
        replyTo: 2,
        body: "Attention, ce conseil est *dangereux*. Aucun traitement ne s'arrête sans avis médical.",
      },
    ],
  },
  {
    title: "Fond d'œil : ça fait mal ?",
    lastActivityDaysAgo: 75,
    posts: [
      { by: 'PetitPas', body: "Premier fond d'œil la semaine prochaine. Est-ce qu'on peut conduire après ?" },
      {
        by: SELF,
        body: "On m'a dilaté les pupilles, donc *non*, pas de conduite pendant quelques heures. Prévoyez des lunettes de soleil.",
      },
      { by: 'Goéland56', body: 'Dans mon centre ils font une rétinographie sans dilatation, ça dépend des endroits.' },
    ],
  },
  {
    title: 'Application pour le carnet de glycémies',
    lastActivityDaysAgo: 110,
    posts: [
      { by: 'Clementine84', body: 'Vous utilisez quoi pour noter vos glycémies et les partager avec le médecin ?' },
      { by: TROLL_PSEUDONYM, body: HOSTILE_BODY },
      {
        by: 'Ours_Brun',
        body: 'Le logiciel du capteur exporte un PDF que je dépose dans mon espace santé avant chaque consultation.',
      },
    ],
  },
  {
    title: 'Fatigue après les hypoglycémies',
    lastActivityDaysAgo: 160,
    posts: [
      {
        by: 'Lilas_49',
        body: "Après une hypo, je suis *épuisée* pour le reste de la journée. C'est normal ?\n\nJ'en ai parlé à ma médecin, elle a ajusté les doses.",
      },
    ],
  },
];
