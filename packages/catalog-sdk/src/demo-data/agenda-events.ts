/**
 * Each persona's agenda: the recurring follow-up that shapes a chronic
 * patient's weeks, one cancelled and one moved occurrence, and a few one-offs.
 */
import type { AgendaEvent } from '../model/agenda.js';
import type { PersonaId } from './personas.js';
import {
  member,
  monthlyAnchor,
  moved,
  nextOccurrence,
  renewalDay,
  toEvent,
  type AgendaContext,
  type EventDraft,
} from './agenda-drafts.js';
import { addDays, addMonths, nextWeekday, weekdayOf } from './wall-clock.js';

export type { AgendaContext } from './agenda-drafts.js';

function diabetesAgenda(context: AgendaContext): EventDraft[] {
  const { today } = context;
  const endocrinologist = member(context, 'Endocrinologue');
  const podiatristAnchor = nextWeekday(addDays(today, -52 * 7), 'TH');
  const nextPodiatry = nextOccurrence(podiatristAnchor, 56, today);
  // The yearly series is anchored so that its coming occurrence falls on a weekday.
  const inTwoMonths = addMonths(today, 2);
  const weekend = weekdayOf(inTwoMonths) === 'SA' || weekdayOf(inTwoMonths) === 'SU';
  const nextEyeExam = weekend ? nextWeekday(inTwoMonths, 'MO') : inTwoMonths;
  const drafts: EventDraft[] = [
    {
      slug: 'endocrinologue',
      title: "Consultation d'endocrinologie",
      kind: 'appointment',
      day: monthlyAnchor(today, 24, 'TU', 2),
      from: '14:30',
      to: '15:00',
      rrule: 'FREQ=MONTHLY;INTERVAL=3;BYDAY=2TU',
      location: endocrinologist?.organisation,
      practitioner: endocrinologist,
      reminders: [1440, 60],
      exdates: [monthlyAnchor(today, 9, 'TU', 2)],
      notes: 'Apporter le carnet de glycémies et la dernière HbA1c.',
    },
    {
      slug: 'ophtalmologue',
      title: "Fond d'œil annuel",
      kind: 'exam',
      day: { ...nextEyeExam, year: nextEyeExam.year - 4 },
      from: '09:15',
      to: '10:00',
      rrule: 'FREQ=YEARLY',
      location: member(context, 'Ophtalmologue')?.organisation,
      practitioner: member(context, 'Ophtalmologue'),
      reminders: [1440],
      notes: 'Pupilles dilatées : ne pas venir en voiture.',
    },
    {
      slug: 'podologue',
      title: 'Soins de pédicurie-podologie',
      kind: 'appointment',
      day: podiatristAnchor,
      from: '11:00',
      to: '11:45',
      rrule: 'FREQ=WEEKLY;INTERVAL=8;BYDAY=TH',
      location: member(context, 'Pédicure-podologue')?.organisation,
      practitioner: member(context, 'Pédicure-podologue'),
      reminders: [1440],
      overrides: [
        moved(
          nextPodiatry,
          addDays(nextPodiatry, -1),
          '11:00',
          '11:45',
          'Séance avancée au mercredi, le cabinet est fermé jeudi.',
        ),
      ],
    },
    {
      slug: 'prise-de-sang',
      title: 'Prise de sang — HbA1c et bilan lipidique',
      kind: 'exam',
      day: addDays(today, 2),
      from: '07:45',
      to: '08:00',
      location: 'Laboratoire Bio Rhône',
      reminders: [1440],
      notes: 'À jeun depuis la veille au soir.',
    },
    {
      slug: 'atelier-etp',
      title: "Atelier d'éducation thérapeutique — activité physique",
      kind: 'appointment',
      day: addDays(today, -6),
      from: '14:00',
      to: '16:00',
      location: endocrinologist?.organisation,
      reminders: [1440],
    },
    {
      slug: 'capteurs',
      title: 'Commander les capteurs de glycémie',
      kind: 'reminder',
      day: addDays(today, 5),
      from: '09:00',
      to: '09:15',
      reminders: [0],
    },
  ];
  const renewal = renewalDay(context, 'metformine');
  if (renewal) {
    const first = addMonths(renewal.day, -12);
    drafts.push({
      slug: 'renouvellement-metformine',
      title: "Renouvellement d'ordonnance — metformine",
      kind: 'prescription-renewal',
      day: first.day === renewal.day.day ? first : renewal.day,
      from: '09:00',
      to: '09:20',
      rrule: 'FREQ=MONTHLY;INTERVAL=3',
      location: member(context, 'Médecin traitant')?.organisation,
      practitioner: member(context, 'Médecin traitant'),
      reminders: [10080, 1440],
      medicationPlanId: renewal.planId,
    });
  }
  return drafts;
}

function parkinsonAgenda(context: AgendaContext): EventDraft[] {
  const { today } = context;
  const neurologist = member(context, 'Neurologue');
  const physio = member(context, 'Kinésithérapeute');
  const nextFriday = nextWeekday(addDays(today, 7), 'FR');
  const drafts: EventDraft[] = [
    {
      slug: 'neurologue',
      title: 'Consultation de neurologie — centre expert Parkinson',
      kind: 'appointment',
      day: monthlyAnchor(today, 36, 'WE', 3),
      from: '10:30',
      to: '11:00',
      rrule: 'FREQ=MONTHLY;INTERVAL=6;BYDAY=3WE',
      location: neurologist?.organisation,
      practitioner: neurologist,
      reminders: [1440, 120],
      notes: "Noter les blocages de l'après-midi dans l'agenda des fluctuations.",
    },
    {
      slug: 'kinesitherapie',
      title: 'Kinésithérapie — équilibre et marche',
      kind: 'appointment',
      day: nextWeekday(addDays(today, -364), 'TU'),
      from: '17:00',
      to: '17:45',
      rrule: 'FREQ=WEEKLY;BYDAY=TU,FR',
      location: physio?.organisation,
      practitioner: physio,
      reminders: [60],
      exdates: [nextWeekday(addDays(today, -14), 'TU')],
      overrides: [moved(nextFriday, addDays(nextFriday, -1), '17:00', '17:45', 'Séance décalée au jeudi.')],
    },
    {
      slug: 'orthophonie',
      title: 'Orthophonie — rééducation de la voix',
      kind: 'appointment',
      day: nextWeekday(addDays(today, -240), 'WE'),
      from: '10:00',
      to: '10:45',
      rrule: 'FREQ=WEEKLY;BYDAY=WE',
      location: member(context, 'Orthophoniste')?.organisation,
      practitioner: member(context, 'Orthophoniste'),
      reminders: [60],
      notes: 'Faire les exercices de voix chaque matin.',
    },
    {
      slug: 'irm',
      title: 'IRM cérébrale de contrôle',
      kind: 'exam',
      day: addDays(today, 16),
      from: '08:15',
      to: '09:00',
      location: 'CHU de Bordeaux — service de neuroradiologie',
      reminders: [1440],
      notes: 'Retirer montre et objets métalliques.',
    },
    {
      slug: 'atelier-danse',
      title: 'Atelier de danse adaptée',
      kind: 'appointment',
      day: addDays(today, -3),
      from: '14:30',
      to: '16:00',
      location: 'Salle des fêtes des Chartrons',
      reminders: [120],
    },
  ];
  const renewal = renewalDay(context, 'levodopa-carbidopa');
  if (renewal) {
    drafts.push({
      slug: 'renouvellement-levodopa',
      title: "Renouveler l'ordonnance de lévodopa",
      kind: 'prescription-renewal',
      day: renewal.day,
      reminders: [10080],
      medicationPlanId: renewal.planId,
      notes: 'Ordonnance de la neurologue, à ne pas laisser expirer.',
    });
  }
  return drafts;
}

function kidneyAgenda(context: AgendaContext): EventDraft[] {
  const { today } = context;
  const nephrologist = member(context, 'Néphrologue');
  const centre = nephrologist?.organisation;
  const nextWednesday = nextWeekday(addDays(today, 7), 'WE');
  const drafts: EventDraft[] = [
    {
      slug: 'hemodialyse',
      title: "Séance d'hémodialyse",
      kind: 'appointment',
      day: nextWeekday(addDays(today, -3 * 365), 'MO'),
      from: '07:30',
      to: '11:30',
      rrule: 'FREQ=WEEKLY;BYDAY=MO,WE,FR',
      location: centre,
      reminders: [60],
      exdates: [nextWeekday(addDays(today, -21), 'FR')],
      notes: 'Peser avant la séance. Apporter le plaid.',
      overrides: [
        moved(
          nextWednesday,
          addDays(nextWednesday, 1),
          '07:30',
          '11:30',
          'Séance décalée au jeudi (travaux au centre).',
        ),
      ],
    },
    {
      slug: 'nephrologue',
      title: 'Consultation de néphrologie',
      kind: 'appointment',
      day: monthlyAnchor(today, 18, 'TH', 2),
      from: '14:00',
      to: '14:30',
      rrule: 'FREQ=MONTHLY;BYDAY=2TH',
      location: centre,
      practitioner: nephrologist,
      reminders: [1440, 60],
    },
    {
      slug: 'bilan-pre-dialyse',
      title: 'Bilan sanguin pré-dialyse',
      kind: 'exam',
      day: monthlyAnchor(today, 18, 'MO', 1),
      from: '07:15',
      to: '07:30',
      rrule: 'FREQ=MONTHLY;BYDAY=1MO',
      location: centre,
      reminders: [1440],
      notes: 'Prélèvement sur la fistule avant le branchement.',
    },
    {
      slug: 'echographie-renale',
      title: 'Échographie rénale',
      kind: 'exam',
      day: addDays(today, 9),
      from: '14:00',
      to: '14:30',
      location: 'Imagerie médicale des Volcans',
      reminders: [1440],
    },
    {
      slug: 'transplantation',
      title: 'Consultation de transplantation — bilan pré-greffe',
      kind: 'appointment',
      day: addDays(today, 23),
      from: '10:00',
      to: '11:00',
      location: 'CHU de Clermont-Ferrand',
      practitioner: nephrologist,
      reminders: [1440, 120],
    },
    {
      slug: 'vaccin-grippe',
      title: 'Vaccination contre la grippe pendant la séance',
      kind: 'reminder',
      day: addDays(today, -7),
      from: '09:00',
      to: '09:15',
      location: centre,
      reminders: [0],
    },
  ];
  const renewal = renewalDay(context, 'sevelamer');
  if (renewal) {
    drafts.push({
      slug: 'renouvellement-sevelamer',
      title: "Renouveler l'ordonnance de sevelamer",
      kind: 'prescription-renewal',
      day: renewal.day,
      reminders: [10080],
      medicationPlanId: renewal.planId,
    });
  }
  return drafts;
}

const AGENDAS: Readonly<Record<PersonaId, (context: AgendaContext) => EventDraft[]>> = {
  diabetes: diabetesAgenda,
  parkinson: parkinsonAgenda,
  kidney: kidneyAgenda,
};

/** The persona's agenda events, wall-clock times in Europe/Paris. */
export function buildAgendaEvents(context: AgendaContext): AgendaEvent[] {
  return AGENDAS[context.persona](context).map((draft) => toEvent(context.persona, draft));
}
