import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { WatchReport } from '../../api/models';
import { t } from '../../i18n/pt-BR';

/** A watch report as a card: how many films, the favourite theme, the last film. */
@Component({
  selector: 'mq-watch-report-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card report" aria-labelledby="report-title">
      <h2 id="report-title">{{ t.library.reportTitle }}</h2>
      <p class="total">{{ t.library.totalWatched(report().totalFilmsWatched) }}</p>
      <dl>
        <dt>{{ t.library.mostWatchedTheme }}</dt>
        <dd>{{ report().mostWatchedTheme ? t.library.themeCount(report().mostWatchedTheme!.themeName, report().mostWatchedTheme!.totalFilmsWatched) : t.library.none }}</dd>
        <dt>{{ t.library.lastFilm }}</dt>
        <dd>{{ report().lastFilmWatched?.movieName ?? t.library.none }}</dd>
      </dl>
    </section>
  `,
  styles: `
    .report h2 { margin-top: 0; }
    .total { font-size: var(--text-xl); font-weight: 800; color: var(--color-accent); margin: 0 0 var(--space-3); }
    dl { display: grid; grid-template-columns: max-content 1fr; gap: var(--space-1) var(--space-4); margin: 0; }
    dt { color: var(--color-muted); }
    dd { margin: 0; }
  `,
})
export class WatchReportCardComponent {
  readonly report = input.required<WatchReport>();
  protected readonly t = t;
}
