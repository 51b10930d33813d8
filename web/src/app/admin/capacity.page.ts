import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { ChartConfiguration } from 'chart.js';
import { AdminApi } from '../api/admin.api';
import { CapacityForecast } from '../api/models';
import { messageOf } from '../api/problem';
import { t } from '../i18n/pt-BR';
import { formatDateTime, formatDayLabel, formatTime, saoPauloDay } from '../shared/format/format';
import { ProblemComponent } from '../shared/ui/field-error.component';
import { ChartComponent, token } from './chart.component';

/** The demand forecast as pictures: the busiest showtimes, and the silos the next days call for. */
@Component({
  selector: 'mq-admin-capacity',
  imports: [ChartComponent, ProblemComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ t.admin.capacityTitle }}</h1>
    <p class="muted">{{ t.admin.capacityIntro }}</p>
    <mq-problem [message]="problem()" />
    @if (forecast(); as f) {
      <p class="now">{{ t.admin.recommendedNow(f.recommendedSilos) }}</p>
      <section class="card" aria-labelledby="silos-title">
        <h2 id="silos-title">{{ t.admin.silosChart }}</h2>
        <mq-chart [config]="silosChart()!" [summary]="silosSummary()" />
      </section>
      <section class="card" aria-labelledby="demand-title">
        <h2 id="demand-title">{{ t.admin.demandChart }}</h2>
        <mq-chart [config]="demandChart()!" [summary]="demandSummary()" />
      </section>
    } @else if (!problem()) { <p aria-live="polite">{{ t.common.loading }}</p> }
    <p><a href="/dashboard/">{{ t.admin.dashboard }}</a></p>
  `,
  styles: `.now { font-size: var(--text-lg); font-weight: 700; color: var(--color-accent); }`,
})
export class CapacityPage {
  protected readonly t = t;
  protected readonly forecast = signal<CapacityForecast | null>(null);
  protected readonly problem = signal<string | undefined>(undefined);

  protected readonly silosChart = computed<ChartConfiguration | null>(() => {
    const f = this.forecast();
    if (!f) return null;
    return {
      type: 'line',
      data: {
        labels: f.timeline.map((p) => `${formatDayLabel(saoPauloDay(new Date(p.at)))} ${formatTime(p.at)}`),
        datasets: [{ label: t.admin.silos, data: f.timeline.map((p) => p.recommendedSilos), stepped: true, borderColor: token('--color-accent'), pointRadius: 0 }],
      },
      options: { ...this.options(), scales: { ...this.options()!.scales, y: { ...this.options()!.scales!['y'], ticks: { color: token('--color-text'), precision: 0 } } } },
    };
  });

  protected readonly demandChart = computed<ChartConfiguration | null>(() => {
    const f = this.forecast();
    if (!f) return null;
    const shown = f.busiest.slice(0, 12);
    return {
      type: 'bar',
      data: {
        labels: shown.map((d) => `${d.movieTitle} · ${formatDateTime(d.startsAt)}`),
        datasets: [
          { label: t.admin.expected, data: shown.map((d) => d.expectedSeats), backgroundColor: token('--color-accent') },
          { label: t.admin.sold, data: shown.map((d) => d.soldSeats), backgroundColor: token('--seat-companion') },
          { label: t.admin.capacity, data: shown.map((d) => d.capacity), backgroundColor: token('--seat-standard') },
        ],
      },
      options: { ...this.options(), indexAxis: 'y' },
    };
  });

  protected readonly silosSummary = computed(() => {
    const points = this.forecast()?.timeline ?? [];
    const silos = points.map((p) => p.recommendedSilos);
    return t.admin.silosChartSummary(Math.max(0, ...silos), Math.min(...silos, Infinity) === Infinity ? 0 : Math.min(...silos), points.length);
  });

  protected readonly demandSummary = computed(() => {
    const busiest = this.forecast()?.busiest ?? [];
    return t.admin.demandChartSummary(Math.min(12, busiest.length), busiest[0] ? `${busiest[0].movieTitle}, ${formatDateTime(busiest[0].startsAt)}` : '—');
  });

  constructor() {
    inject(AdminApi).capacity().subscribe({ next: (f) => this.forecast.set(f), error: (e) => this.problem.set(messageOf(e)) });
  }

  private options(): ChartConfiguration['options'] {
    const text = token('--color-text');
    const grid = token('--color-border');
    return {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      plugins: { legend: { labels: { color: text } } },
      scales: {
        x: { ticks: { color: text, autoSkip: true, maxTicksLimit: 8 }, grid: { color: grid } },
        y: { beginAtZero: true, ticks: { color: text, autoSkip: true }, grid: { color: grid } },
      },
    };
  }
}
