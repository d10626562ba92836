import { html } from 'lit';
import type { TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { localized, msg, str } from '@lit/localize';
import type { AppGrant, CatalogueApp, DataSource } from '@carnet/catalog-sdk';
import { dataSourceContext } from '../context/data-source.context.js';
import { emit } from '../events/emit.js';
import { LiveAnnouncer } from '../shared/announcer.js';
import { baseStyles } from '../shared/base.styles.js';
import { CarnetWidget } from '../shared/carnet-element.js';
import { DataLoader } from '../shared/data-loader.controller.js';
import { DialogController } from '../shared/dialog.controller.js';
import { dialogStyles } from '../shared/dialog.styles.js';
import { renderEmptyState, renderErrorState, renderLoadingState } from '../shared/states.js';
import { stateStyles } from '../shared/states.styles.js';
import { AppAccessController } from './app-access.controller.js';
import { appCatalogueStyles } from './app-catalogue.styles.js';
import { renderApps, renderRevokeDialog, type AppCatalogueView } from './app-catalogue.template.js';

/** What the element shows: `null` where there is no catalogue (an on-device record). */
interface CatalogueData {
  apps: CatalogueApp[];
  grants: AppGrant[];
}

/**
 * The platform's catalogue of third-party apps, from the patient's side: each
 * app with its publisher, what it asks for in plain words (and why, in its
 * publisher's words), whether she allowed it, an « Ouvrir » link, and
 * « Retirer l’accès » after a confirmation — the app's tokens stop working at
 * once and it asks her consent again next time. Place it inside a
 * `<carnet-provider>` in connected mode; an on-device record has no catalogue
 * and the element says so.
 *
 * @summary The apps of the catalogue and the access the patient gave them.
 * @tag carnet-app-catalogue
 *
 * @csspart base - The whole element.
 * @csspart apps - The list of apps.
 * @csspart app - One app.
 * @csspart icon - The app's icon (its initial when it has no embedded icon).
 * @csspart consent - Whether the patient allowed the app, and since when.
 * @csspart access - What the app asks for (a disclosure).
 * @csspart open - The Ouvrir link (new tab).
 * @csspart revoke - The Retirer l’accès button of an allowed app.
 * @csspart revoke-dialog - The question « Retirer l’accès de … ? ».
 * @csspart confirm-revoke - The button that confirms the withdrawal.
 *
 * @cssprop --carnet-app-catalogue-item-background - Background of each app.
 *
 * @cssstate loading - The catalogue is loading.
 * @cssstate empty - No app is listed (or an on-device record, which has no catalogue).
 * @cssstate error - Loading failed.
 * @cssstate ready - Apps are shown.
 *
 * @fires carnet-app-access-change - An app's access was withdrawn, once the platform did it.
 */
@localized()
export class CarnetAppCatalogue extends CarnetWidget {
  static override styles = [baseStyles, stateStyles, dialogStyles, appCatalogueStyles];

  /** Where the catalogue and the consents are read; given by the enclosing `<carnet-provider>`. */
  @consume({ context: dataSourceContext, subscribe: true })
  @property({ attribute: false })
  dataSource?: DataSource;

  private readonly announcer = new LiveAnnouncer(this);

  private readonly loader = new DataLoader<CatalogueData | null, readonly [DataSource | undefined]>(this, {
    args: () => [this.dataSource] as const,
    load: ([source], signal) => {
      if (!source) return undefined;
      const apps = source.apps;
      if (!apps) return Promise.resolve(null);
      return Promise.all([apps.listApps({ signal }), apps.listGrants({ signal })]).then(([list, grants]) => ({
        apps: list,
        grants,
      }));
    },
  });

  private readonly access = new AppAccessController(this, (app) => this.afterRevoke(app));

  private readonly revokeDialog = new DialogController(this, {
    selector: 'dialog[part="revoke-dialog"]',
    isOpen: () => this.access.confirming !== undefined,
    onDismiss: () => this.access.cancel(),
    returnFocusFallback: () => this.renderRoot.querySelector<HTMLElement>('#catalogue-title'),
  });

  /** Reads the catalogue and the consents again (e.g. after the patient allowed an app in another tab). */
  refresh(): Promise<void> {
    return this.loader.reload();
  }

  protected override updated(): void {
    const { status, data } = this.loader;
    this.reflectStates(status === 'ready' ? (!data || data.apps.length === 0 ? 'empty' : 'ready') : status, [
      'loading',
      'empty',
      'error',
      'ready',
    ] as const);
  }

  private afterRevoke(app: CatalogueApp): void {
    this.announcer.announce(msg(str`Accès retiré à ${app.name}.`));
    emit(this, 'carnet-app-access-change', { action: 'revoke', clientId: app.clientId });
    void this.loader.reload().then(() => this.focusAfterRevoke(app));
  }

  /** The Retirer button is gone once the access is withdrawn: focus goes to the app's name. */
  private focusAfterRevoke(app: CatalogueApp): void {
    void this.updateComplete.then(() => {
      const active = this.shadowRoot?.activeElement;
      if (active && active.isConnected && active !== this.shadowRoot?.host) return;
      this.shadowRoot?.querySelector<HTMLElement>(`[data-app-heading="${CSS.escape(app.clientId)}"]`)?.focus();
    });
  }

  private readonly onRevoke = (app: CatalogueApp): void => this.access.requestRevoke(app);
  private readonly onConfirm = (): void => void this.access.confirm(this.dataSource);
  private readonly onCancel = (): void => this.access.cancel();
  private readonly retry = (): void => void this.loader.reload();

  private view(data: CatalogueData): AppCatalogueView {
    return {
      locale: this.locale,
      apps: data.apps,
      grants: data.grants,
      confirming: this.access.confirming,
      busy: this.access.busy,
      failed: this.access.failed,
      onRevoke: this.onRevoke,
      onConfirm: this.onConfirm,
      onCancel: this.onCancel,
    };
  }

  protected override render(): TemplateResult {
    const data = this.loader.data;
    return html`<section class="base" part="base" aria-labelledby="catalogue-title">
      <h2 class="title" id="catalogue-title" tabindex="-1">${msg('Applications référencées')}</h2>
      ${this.renderContent()} ${data ? renderRevokeDialog(this.view(data)) : ''} ${this.announcer.region()}
    </section>`;
  }

  private renderContent(): TemplateResult {
    const { status, data } = this.loader;
    if (status === 'loading') return renderLoadingState({ label: msg('Chargement du catalogue d’applications…') });
    if (status === 'error')
      return renderErrorState({ message: this.errorMessage(this.loader.error), onRetry: this.retry });
    if (!data)
      return renderEmptyState({
        title: msg('Pas de catalogue d’applications sur cet appareil'),
        description: msg(
          'Votre carnet est enregistré sur cet appareil seulement. Connectez-vous à votre espace santé pour voir les applications référencées et les accès que vous leur avez donnés.',
        ),
      });
    if (data.apps.length === 0)
      return renderEmptyState({
        title: msg('Aucune application n’est référencée'),
        description: msg('Votre espace santé ne propose pas encore d’application.'),
      });
    return html`<p class="intro">
        ${msg(
          'Ces applications peuvent utiliser votre carnet si vous les y autorisez. Vous pouvez retirer un accès à tout moment : l’application est refusée dès sa demande suivante.',
        )}
      </p>
      ${renderApps(this.view(data))}`;
  }
}
