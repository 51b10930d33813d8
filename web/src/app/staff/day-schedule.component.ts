import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { Auditorium, Showtime } from '../api/models';
import { t } from '../i18n/pt-BR';
import { formatTime } from '../shared/format/format';

interface Lane { auditorium: string; items: { showtime: Showtime; left: number; width: number; label: string }[]; }

/** A day's showtimes per auditorium, drawn on a 08:00–02:00 line so gaps and clashes show at a glance. */
@Component({
  selector: 'mq-day-schedule',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (lanes().length === 0) { <p>{{ t.staff.noShowtimes }}</p> }
    @for (lane of lanes(); track lane.auditorium) {
      <div class="lane">
        <h3>{{ lane.auditorium }}</h3>
        <ul class="plain track">
          @for (item of lane.items; track item.showtime.id) {
            <li class="block" [style.left.%]="item.left" [style.width.%]="item.width">
              <span class="title">{{ item.showtime.movieTitle }}</span> <span class="time">{{ item.label }}</span>
            </li>
          }
        </ul>
      </div>
    }
  `,
  styles: `
    .lane { margin-bottom: var(--space-3); }
    h3 { font-size: var(--text-md); margin: 0 0 var(--space-1); }
    .track { position: relative; height: 3.2rem; background: var(--color-surface); border-radius: var(--radius); overflow: hidden; }
    .block { position: absolute; top: 0.2rem; bottom: 0.2rem; background: var(--color-surface-2); border-left: 3px solid var(--color-accent);
      padding: 0 var(--space-1); font-size: var(--text-sm); overflow: hidden; white-space: nowrap; text-overflow: ellipsis; }
    .title { font-weight: 600; }
    .time { color: var(--color-muted); display: block; }
  `,
})
export class DayScheduleComponent {
  readonly auditoriums = input<Auditorium[]>([]);
  readonly showtimes = input<Showtime[]>([]);
  protected readonly t = t;

  /** 08:00 to 02:00 the next day, São Paulo time: a cinema's day. */
  protected readonly lanes = computed<Lane[]>(() => {
    const byAuditorium = new Map<string, Showtime[]>();
    for (const s of this.showtimes()) byAuditorium.set(s.auditoriumName, [...(byAuditorium.get(s.auditoriumName) ?? []), s]);
    const span = 18 * 60;
    return [...byAuditorium.entries()].sort(([a], [b]) => a.localeCompare(b, 'pt-BR')).map(([auditorium, list]) => ({
      auditorium,
      items: list.map((showtime) => {
        const start = minutesFromEight(showtime.startsAt);
        const end = start + (Date.parse(showtime.endsAt) - Date.parse(showtime.startsAt)) / 60_000;
        const left = Math.max(0, Math.min(100, (start / span) * 100));
        return { showtime, left, width: Math.max(2, Math.min(100 - left, ((end - start) / span) * 100)), label: t.staff.timeRange(formatTime(showtime.startsAt), formatTime(showtime.endsAt)) };
      }),
    }));
  });
}

function minutesFromEight(iso: string): number {
  const [h, m] = formatTime(iso).split(':').map(Number);
  return ((h - 8 + 24) % 24) * 60 + m;
}
