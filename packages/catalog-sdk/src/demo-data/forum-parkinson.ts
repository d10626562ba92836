/** Peer-support threads of the Parkinson's community (fictitious members). */
import { HOSTILE_BODY, SELF, TROLL_PSEUDONYM, type ThreadSeed } from './vocabulary.js';

/** Threads of the Parkinson's community, most written by peers. */
export const PARKINSON_THREADS: readonly ThreadSeed[] = [
  {
    title: "Gérer les fluctuations motrices l'après-midi",
    lastActivityDaysAgo: 0,
    extraReplies: 5,
    posts: [
      {
        by: 'Marmotte71',
        body:
          'Vers 16 h, avant la prise suivante, je me sens *bloqué* : marche à petits pas, main qui tremble.\n\n' +
          'Est-ce que certains ont trouvé des astuces en plus du traitement ?',
      },
      {
        by: SELF,
        body:
          "Chez moi, trois choses ont aidé :\n\n- prendre la lévodopa *à heure fixe*, avec une alarme\n- éviter la viande au déjeuner (les protéines gênent l'absorption)\n" +
          '- noter les blocages dans un agenda pour la neurologue',
      },
      { by: 'Hirondelle33', replyTo: 1, body: "L'astuce des protéines a changé mes après-midi, merci Randonneur67." },
      {
        by: 'Goéland56',
        body: 'La fiche de France Parkinson sur les fluctuations est claire : https://www.franceparkinson.fr',
      },
      { by: SELF, replyTo: 3, body: 'Je la garde dans mes favoris, merci !' },
    ],
  },
  {
    title: 'Kiné deux fois par semaine : ça vaut le coup ?',
    lastActivityDaysAgo: 6,
    posts: [
      { by: 'PetitPas', body: "On me propose deux séances par semaine. C'est fatigant, vous tenez le rythme ?" },
      {
        by: SELF,
        body: "Depuis un an je fais mardi et vendredi. L'équilibre s'est *nettement* amélioré et je n'ai plus chuté depuis le printemps.",
      },
      { by: 'Ours_Brun', body: 'Le travail du pas avec des repères au sol est ce qui marche le mieux pour moi.' },
    ],
  },
  {
    title: 'Orthophonie : exercices de voix à la maison',
    lastActivityDaysAgo: 20,
    extraReplies: 2,
    posts: [
      {
        by: 'Clementine84',
        body: "Ma femme me dit que je parle de plus en plus bas. L'orthophoniste propose des exercices quotidiens.\n\nQui les fait *vraiment* tous les jours ?",
      },
      {
        by: 'Tournesol',
        body: '1. lire le journal à voix haute\n2. chanter en voiture\n3. tenir un « aaah » le plus longtemps possible',
      },
      {
        by: SELF,
        body: "Je lis une page de roman à voix haute chaque matin après ma première prise, c'est devenu un rituel.",
      },
    ],
  },
  {
    title: 'Danse et Parkinson',
    lastActivityDaysAgo: 41,
    extraReplies: 3,
    posts: [
      { by: 'Lilas_49', body: 'Un atelier de danse adaptée ouvre près de chez moi. Des retours ?' },
      {
        by: 'Goéland56',
        body: "J'y vais depuis septembre, c'est *joyeux* et on travaille l'équilibre sans s'en rendre compte.",
      },
      { by: 'Marmotte71', body: "Le tango semble particulièrement recommandé pour l'initiation du pas." },
    ],
  },
  {
    title: 'Traitement et soleil',
    lastActivityDaysAgo: 90,
    posts: [
      {
        by: 'Hirondelle33',
        body: "Une question pour l'été : faut-il se protéger particulièrement du soleil avec nos traitements ?",
      },
      {
        by: 'RemedeNaturel',
        reportCount: 1,
        body: "Remplacez la lévodopa par de la fève de mucuna achetée en ligne, c'est naturel et sans effets secondaires.",
      },
      {
        by: 'Ours_Brun',
        replyTo: 1,
        body: 'Surtout pas sans avis de votre neurologue, les doses ne sont pas contrôlées.',
      },
      { by: TROLL_PSEUDONYM, body: HOSTILE_BODY },
    ],
  },
  {
    title: 'Nuits agitées et réveils à 4 h',
    lastActivityDaysAgo: 130,
    posts: [
      {
        by: SELF,
        body: "Depuis que j'ai la lévodopa à libération prolongée au coucher, je me retourne plus facilement dans le lit. Quelqu'un d'autre ?",
      },
      { by: 'PetitPas', body: "Oui, pour moi aussi c'est le jour et la nuit (sans mauvais jeu de mots)." },
    ],
  },
  {
    title: 'Conduire avec la maladie',
    lastActivityDaysAgo: 200,
    posts: [
      { by: 'Tournesol', body: "Faut-il signaler la maladie à son assureur ? Je ne trouve pas d'information claire." },
    ],
  },
];
