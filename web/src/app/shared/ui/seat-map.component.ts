import { ChangeDetectionStrategy, Component, ElementRef, computed, inject, input, output } from '@angular/core';
import { Seat } from '../../api/models';
import { t } from '../../i18n/pt-BR';
import { layoutRows } from '../../seat-picker/seat-map-state';

/** Draws a seat map: a button per seat, gaps kept, screen on top; arrows move between seats. */
@Component({
  selector: 'mq-seat-map',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="screen" aria-hidden="true">{{ t.seats.screen }}</div>
    <div class="map" role="group" [attr.aria-label]="t.seats.title" (keydown)="onKey($event)">
      @for (r of rows(); track r.row) {
        <div class="seat-row">
          <span class="label" aria-hidden="true">{{ r.row }}</span>
          @for (cell of r.cells; track $index) {
            @if (cell) {
              <button type="button" class="seat" [attr.data-kind]="cell.kind" [attr.data-status]="cell.status"
                [class.selected]="isSelected(cell)"
                [attr.data-seat]="cell.seat"
                [disabled]="cell.status !== 'available' && !isSelected(cell)"
                [attr.aria-pressed]="isSelected(cell)"
                [attr.aria-label]="label(cell)"
                (click)="toggle.emit(cell.seat)">{{ cell.number }}</button>
            } @else {
              <span class="gap" aria-hidden="true"></span>
            }
          }
          <span class="label" aria-hidden="true">{{ r.row }}</span>
        </div>
      }
    </div>
  `,
  styles: `
    :host { display: block; overflow-x: auto; }
    .screen { text-align: center; border-top: 4px solid var(--color-muted); margin: 0 auto var(--space-4); max-width: 80%; color: var(--color-muted); padding-top: var(--space-1); }
    .map { display: inline-flex; flex-direction: column; gap: 4px; min-width: 100%; align-items: safe center; }
    .seat-row { display: flex; flex-wrap: nowrap; gap: 4px; align-items: center; }
    .label { width: 1.5rem; text-align: center; color: var(--color-muted); font-size: var(--text-sm); }
    .seat, .gap { width: 28px; height: 28px; flex: none; }
    .seat { border: 0; border-radius: 6px 6px 3px 3px; font-size: 11px; color: var(--seat-on); padding: 0; }
    /* Kind and status as data attributes: one cheap attribute write per change, no class-list diffing for 300 seats. */
    [data-kind='standard'] { background: var(--seat-standard); }
    [data-kind='premium'] { background: var(--seat-premium); }
    [data-kind='wheelchair'] { background: var(--seat-wheelchair); }
    [data-kind='companion'] { background: var(--seat-companion); }
    [data-kind='blocked'], [data-status='blocked'] { background: var(--seat-blocked); color: var(--color-muted); }
    [data-status='held'], [data-status='sold'] { background: var(--seat-taken); color: var(--color-text); text-decoration: line-through; }
    .seat:disabled { cursor: not-allowed; }
    .selected { background: var(--seat-selected); outline: 2px solid var(--color-text); }
  `,
})
export class SeatMapComponent {
  readonly seats = input.required<Seat[]>();
  readonly selected = input<readonly string[]>([]);
  readonly toggle = output<string>();
  protected readonly t = t;
  protected readonly rows = computed(() => layoutRows(this.seats()));
  private readonly host = inject(ElementRef<HTMLElement>);

  protected isSelected(s: Seat): boolean { return this.selected().includes(s.seat); }

  protected label(s: Seat): string {
    const status = this.isSelected(s) ? t.seats.selected : (t.seatStatuses[s.status] ?? s.status);
    return t.seats.seatLabel(s.row, s.number, (t.seatKinds[s.kind] ?? s.kind).toLowerCase(), status);
  }

  /** Arrow keys move focus to the nearest seat button in that direction. */
  protected onKey(e: KeyboardEvent): void {
    const dirs: Record<string, [number, number]> = { ArrowLeft: [0, -1], ArrowRight: [0, 1], ArrowUp: [-1, 0], ArrowDown: [1, 0] };
    const d = dirs[e.key];
    const target = e.target as HTMLElement;
    if (!d || !target.dataset['seat']) return;
    const rows = this.rows();
    let r = rows.findIndex((row) => row.cells.some((c) => c?.seat === target.dataset['seat']));
    let c = rows[r].cells.findIndex((cell) => cell?.seat === target.dataset['seat']);
    for (let i = 0; i < 60; i++) {
      r += d[0]; c += d[1];
      if (r < 0 || r >= rows.length || c < 0 || c >= rows[r].cells.length) return;
      const cell = rows[r].cells[c];
      if (cell) {
        const el = (this.host.nativeElement as HTMLElement).querySelector<HTMLButtonElement>(`[data-seat="${cell.seat}"]`);
        if (el && !el.disabled) { e.preventDefault(); el.focus(); return; }
      }
    }
  }
}
