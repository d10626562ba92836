import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { fromMgPerDl, glucoseInMgPerDl, glucoseLevel } from '@carnet/catalog-sdk';
import type { DialysisSession, GlucoseTargets, GlucoseUnit, Pathology } from '@carnet/catalog-sdk';
import type { SummaryTarget } from '../events/carnet-summary-open.js';
import type { CarnetLocale } from '../shared/localization.js';
import { doseAmountText } from '../shared/dose-words.js';
import { renderErrorState, renderLoadingState } from '../shared/states.js';
import { formatClockTime, formatDayHeading, shortMedicationName } from '../pill-organiser/organiser-format.js';
import { stateLabel } from '../pill-organiser/organiser-labels.js';
import { formatGlucose, formatShare, levelLabel, mealContextLabel } from '../tracker/glucose-labels.js';
import type { OverviewLoader, PathologyOverviewController } from './pathology-overview.controller.js';
import type { GlucoseGlance, SessionGain, TodayDoses, YesterdayMotor } from './pathology-overview.data.js';
import { formatMinutes, formatSlotRange } from '../tracker/motor-diary-labels.js';
import { dayText, formatKilograms, gainAgainstLimit, momentText } from './overview-words.js';

/** What the overview shows, and what it calls. */
export interface OverviewView {
  overview: PathologyOverviewController;
  pathology: Pathology;
  locale: CarnetLocale;
  now: Date;
  unit: GlucoseUnit;
  targets: GlucoseTargets;
  /** The weight gain allowed between two sessions (kg), when the nephrologist set one. */
  weightGainLimit: number | undefined;
  errorMessage(error: unknown): string;
  /** The patient follows an item to its widget. */
  onOpen(widget: SummaryTarget, item: string): void;
}

/** One item of the overview: a heading, its own loading / empty / error state, and where it leads. */
interface Glance<T> {
  /** `data-item` and the heading's id: `next-dialysis`, `weight-gain`, `glucose`, `today-doses`. */
  item: string;
  title: string;
  loader: OverviewLoader<T>;
  loadingLabel: string;
  /** Said when there is nothing to show (`null` data). */
  emptyText: string;
  body(data: NonNullable<T>): TemplateResult;
  widget: SummaryTarget;
  /** The link's name: where it leads (« Voir mon semainier »). */
  linkLabel: string;
}

function renderGlance<T>(view: OverviewView, glance: Glance<T>): TemplateResult {
  const { status, data, error } = glance.loader;
  const content =
    status === 'error'
      ? renderErrorState({ message: view.errorMessage(error), onRetry: () => void glance.loader.reload() })
      : data === undefined
        ? renderLoadingState({ label: glance.loadingLabel, lines: 2 })
        : data === null
          ? html`<p class="glance-empty" part="glance-empty">${glance.emptyText}</p>`
          : glance.body(data as NonNullable<T>);
  return html`<section class="glance" part="glance" data-item=${glance.item} aria-labelledby="glance-${glance.item}">
    <h4 class="glance-title" id="glance-${glance.item}">${glance.title}</h4>
    ${content}
    <button
      type="button"
      class="glance-link touch-target"
      part="glance-link"
      @click=${() => view.onOpen(glance.widget, glance.item)}
    >
      ${glance.linkLabel}
    </button>
  </section>`;
}

function renderNextDialysis(view: OverviewView, session: DialysisSession): TemplateResult {
  return html`<p class="glance-value">
      <strong><time datetime=${session.start}>${momentText(session.start, view.now, view.locale)}</time></strong>
    </p>
    <p class="glance-detail">${session.title}</p>`;
}

function renderWeightGain(view: OverviewView, gain: SessionGain): TemplateResult {
  const day = dayText(gain.session, view.locale);
  const limit = gainAgainstLimit(gain.gain, view.weightGainLimit, view.locale);
  return html`<p class="glance-value">
      <strong>${formatKilograms(gain.gain, view.locale, true)}</strong>
      ${msg(str`entre la fin de la séance précédente et le début de celle du ${day}.`)}
    </p>
    ${limit ? html`<p class="glance-detail" part="weight-gain-limit">${limit}</p>` : nothing}`;
}

function renderGlucose(view: OverviewView, glance: GlucoseGlance): TemplateResult {
  const { unit, locale, targets } = view;
  const tir = glance.timeInRange;
  const days = tir.days;
  const count = tir.count;
  const inRange = formatShare(tir.inRange, locale);
  const below = formatShare(tir.below, locale);
  const above = formatShare(tir.above, locale);
  const range = `${formatGlucose(fromMgPerDl(targets.low, unit), unit, locale)} – ${formatGlucose(fromMgPerDl(targets.high, unit), unit, locale)}`;
  return html`<ul class="glance-list" aria-label=${msg('Dernières glycémies')}>
      ${glance.latest.map((reading) => {
        const mgPerDl = glucoseInMgPerDl(reading);
        const context = reading.mealContext ? html`, ${mealContextLabel(reading.mealContext)}` : nothing;
        return html`<li>
          <strong>${formatGlucose(fromMgPerDl(mgPerDl, unit), unit, locale)}</strong>${context} —
          <time datetime=${reading.at}>${momentText(reading.at, view.now, locale)}</time> —
          ${levelLabel(glucoseLevel(mgPerDl, targets))}
        </li>`;
      })}
    </ul>
    <p class="glance-detail" part="time-in-range">
      ${
        count === 0
          ? msg(str`Aucune mesure sur les ${days} derniers jours.`)
          : msg(
              str`Sur les ${days} derniers jours : ${inRange} des mesures dans l'objectif, ${below} en dessous, ${above} au-dessus (${count} mesures).`,
            )
      }
      ${msg(str`Objectif fixé avec votre médecin : ${range}.`)}
    </p>`;
}

function renderTodayDoses(view: OverviewView, today: TodayDoses): TemplateResult {
  if (today.doses.length === 0) return html`<p class="glance-empty">${msg('Aucune prise prévue aujourd’hui.')}</p>`;
  const day = formatDayHeading(today.date, view.locale);
  return html`<ul class="glance-list" aria-label=${msg(str`Prises du ${day}`)}>
    ${today.doses.map(
      ({ dose, state }) =>
        html`<li class="dose ${state}" data-dose-key=${dose.key}>
          <strong
            ><time datetime=${dose.scheduledAt}
              >${formatClockTime(dose.localTime.slice(11, 16), view.locale)}</time
            ></strong
          >
          ${shortMedicationName(dose.medication)}, ${doseAmountText(dose.dose, dose.doseUnit, view.locale)} —
          ${stateLabel(state)}
        </li>`,
    )}
  </ul>`;
}

/** « Off : 1 h 30 en 2 périodes », then each period as a list item (« 7 h 00 – 8 h 00 »). */
function renderYesterdayMotor(view: OverviewView, { summary }: YesterdayMotor): TemplateResult {
  const periods = summary.offPeriods;
  if (periods.length === 0)
    return html`<p class="glance-value" part="motor-summary">
      ${msg(str`Aucune période off notée hier (${formatMinutes(summary.recordedMinutes)} notées).`)}
    </p>`;
  const off = formatMinutes(summary.offMinutes);
  const count = periods.length;
  return html`<p class="glance-value" part="motor-summary">
      ${count === 1 ? msg(str`Off : ${off} en une période.`) : msg(str`Off : ${off} en ${count} périodes.`)}
    </p>
    <ul class="glance-list" aria-label=${msg('Périodes off d’hier')}>
      ${periods.map((period) => html`<li>${formatSlotRange(period.start, period.end, view.locale)}</li>`)}
    </ul>`;
}

/** Kidney failure: the next dialysis session, then the latest weight gain against the limit. */
function kidneyGlances(view: OverviewView): TemplateResult[] {
  return [
    renderGlance(view, {
      item: 'next-dialysis',
      title: msg('Prochaine séance de dialyse'),
      loader: view.overview.nextDialysis,
      loadingLabel: msg('Recherche de votre prochaine séance…'),
      emptyText: msg('Aucune séance de dialyse dans votre agenda pour les deux prochaines semaines.'),
      body: (session) => renderNextDialysis(view, session),
      widget: 'carnet-agenda',
      linkLabel: msg('Voir mon agenda'),
    }),
    renderGlance(view, {
      item: 'weight-gain',
      title: msg('Dernière prise de poids entre deux séances'),
      loader: view.overview.weightGain,
      loadingLabel: msg('Chargement de vos pesées…'),
      emptyText: msg('Pas encore de prise de poids calculée : notez votre poids avant et après chaque séance.'),
      body: (gain) => renderWeightGain(view, gain),
      widget: 'carnet-tracker',
      linkLabel: msg('Voir mon poids et ma tension'),
    }),
  ];
}

/** Diabetes: the latest values and the seven days' time in range. */
function diabetesGlances(view: OverviewView): TemplateResult[] {
  return [
    renderGlance(view, {
      item: 'glucose',
      title: msg('Ma glycémie'),
      loader: view.overview.glucose,
      loadingLabel: msg('Chargement de vos glycémies…'),
      emptyText: msg('Aucune glycémie notée ces 30 derniers jours.'),
      body: (glance) => renderGlucose(view, glance),
      widget: 'carnet-tracker',
      linkLabel: msg('Voir mon suivi de la glycémie'),
    }),
  ];
}

/** Parkinson's disease: today's doses, then yesterday's « off » periods from the motor-state diary. */
function parkinsonGlances(view: OverviewView): TemplateResult[] {
  return [
    renderGlance(view, {
      item: 'today-doses',
      title: msg('Mes prises d’aujourd’hui'),
      loader: view.overview.todayDoses,
      loadingLabel: msg('Chargement de vos prises…'),
      emptyText: msg('Aucune prise prévue aujourd’hui.'),
      body: (today) => renderTodayDoses(view, today),
      widget: 'carnet-pill-organiser',
      linkLabel: msg('Voir mon semainier'),
    }),
    renderGlance(view, {
      item: 'yesterday-off',
      title: msg('Mes périodes off d’hier'),
      loader: view.overview.yesterdayMotor,
      loadingLabel: msg('Chargement de votre journal moteur…'),
      emptyText: msg('Rien de noté hier dans votre journal moteur.'),
      body: (yesterday) => renderYesterdayMotor(view, yesterday),
      widget: 'carnet-tracker',
      linkLabel: msg('Voir mon journal moteur'),
    }),
  ];
}

/** What matters first for the condition, each item in its own section with its own state. */
export function renderPathologyOverview(view: OverviewView): TemplateResult {
  const glances =
    view.pathology === 'kidney'
      ? kidneyGlances(view)
      : view.pathology === 'diabetes'
        ? diabetesGlances(view)
        : parkinsonGlances(view);
  return html`<section class="overview" part="overview" aria-labelledby="overview-title">
    <h3 class="overview-title" id="overview-title">${msg('L’essentiel pour votre suivi')}</h3>
    <div class="glances">${glances}</div>
  </section>`;
}
