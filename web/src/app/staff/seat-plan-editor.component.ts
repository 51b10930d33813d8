import { ChangeDetectionStrategy, Component, ElementRef, computed, inject, output, signal } from '@angular/core';
import { t } from '../i18n/pt-BR';
import { PLAN_CODES, PlanCode, resizePlan, rowName, seatCount, toRows } from './seat-plan';

const KEYS: Record<string, PlanCode> = { s: 'S', p: 'P', w: 'W', c: 'C', x: 'X', ' ': '_', _: '_' };

/**
 * Draws an auditorium's plan: rows of positions, each a seat of a kind or a gap. Click with a chosen
 * kind, or move with the arrows and press the kind's letter (Space for a gap).
 */
@Component({
  selector: 'mq-seat-plan-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <fieldset class="size">
      <legend>{{ t.staff.planEditor }}</legend>
      <div class="row">
        <div class="field"><label for="plan-rows">{{ t.staff.rows }}</label>
          <input id="plan-rows" type="number" min="1" max="26" [value]="rows()" (change)="resize($any($event.target).valueAsNumber, columns())" /></div>
        <div class="field"><label for="plan-columns">{{ t.staff.columns }}</label>
          <input id="plan-columns" type="number" min="1" max="60" [value]="columns()" (change)="resize(rows(), $any($event.target).valueAsNumber)" /></div>
      </div>
      <div role="radiogroup" class="row brushes" [attr.aria-label]="t.staff.brush">
        @for (code of codes; track code) {
          <label class="brush"><input type="radio" name="brush" [value]="code" [checked]="brush() === code" (change)="brush.set(code)" />
            <span class="swatch" [attr.data-code]="code" aria-hidden="true"></span>{{ t.staff.brushes[code] }}</label>
        }
      </div>
      <p class="muted" id="plan-help">{{ t.staff.planHelp }}</p>
    </fieldset>
    <div class="screen" aria-hidden="true">{{ t.seats.screen }}</div>
    <div class="plan" role="group" [attr.aria-label]="t.staff.planEditor" aria-describedby="plan-help" (keydown)="onKey($event)">
      @for (cells of plan(); track r; let r = $index) {
        <div class="plan-row">
          <span class="label" aria-hidden="true">{{ rowName(r) }}</span>
          @for (code of cells; track c; let c = $index) {
            <button type="button" class="cell" [attr.data-code]="code" [attr.data-r]="r" [attr.data-c]="c"
              [attr.tabindex]="r === focus()[0] && c === focus()[1] ? 0 : -1"
              [attr.aria-label]="t.staff.position(rowName(r), c + 1, t.staff.brushes[code])"
              (click)="paint(r, c, brush())" (focus)="focus.set([r, c])">{{ code === '_' ? '' : code }}</button>
          }
        </div>
      }
    </div>
    <p aria-live="polite">{{ t.staff.seatsCount(seats()) }}</p>
  `,
  styles: `
    .size { border: 1px solid var(--color-border); border-radius: var(--radius); }
    .brushes { gap: var(--space-3); margin: var(--space-2) 0; }
    .brush { display: inline-flex; align-items: center; gap: var(--space-1); min-height: 44px; }
    .swatch { display: inline-block; width: 16px; height: 16px; border-radius: 3px; }
    .screen { text-align: center; border-top: 4px solid var(--color-muted); margin: var(--space-4) auto; max-width: 80%; color: var(--color-muted); }
    .plan { display: flex; flex-direction: column; gap: 4px; overflow-x: auto; padding-bottom: var(--space-2); }
    .plan-row { display: flex; gap: 4px; align-items: center; }
    .label { width: 1.5rem; text-align: center; color: var(--color-muted); font-size: var(--text-sm); flex: none; }
    .cell { width: 32px; height: 32px; flex: none; border: 1px solid var(--color-border); border-radius: 6px 6px 3px 3px; font-size: 11px; color: var(--seat-on); padding: 0; }
    [data-code='S'] { background: var(--seat-standard); }
    [data-code='P'] { background: var(--seat-premium); }
    [data-code='W'] { background: var(--seat-wheelchair); }
    [data-code='C'] { background: var(--seat-companion); }
    [data-code='X'] { background: var(--seat-blocked); color: var(--color-text); }
    [data-code='_'] { background: transparent; border-style: dashed; }
  `,
})
export class SeatPlanEditorComponent {
  /** The API's rows, every time the plan changes. */
  readonly planChange = output<{ row: string; positions: string }[]>();
  protected readonly t = t;
  protected readonly codes = PLAN_CODES;
  protected readonly rowName = rowName;
  protected readonly rows = signal(6);
  protected readonly columns = signal(10);
  protected readonly plan = signal(resizePlan([], 6, 10));
  protected readonly brush = signal<PlanCode>('S');
  protected readonly focus = signal<[number, number]>([0, 0]);
  protected readonly seats = computed(() => seatCount(this.plan()));
  private readonly host: ElementRef<HTMLElement> = inject(ElementRef);

  constructor() {
    queueMicrotask(() => this.planChange.emit(toRows(this.plan())));
  }

  protected resize(rows: number, columns: number): void {
    const r = Math.min(26, Math.max(1, Number.isFinite(rows) ? Math.trunc(rows) : 1));
    const c = Math.min(60, Math.max(1, Number.isFinite(columns) ? Math.trunc(columns) : 1));
    this.rows.set(r);
    this.columns.set(c);
    // The roving tab stop stays inside the plan, or Tab would skip a plan that shrank past it.
    const [fr, fc] = this.focus();
    this.focus.set([Math.min(fr, r - 1), Math.min(fc, c - 1)]);
    this.update(resizePlan(this.plan(), r, c));
  }

  protected paint(r: number, c: number, code: PlanCode): void {
    this.update(this.plan().map((cells, i) => (i === r ? cells.map((old, j) => (j === c ? code : old)) : cells)));
  }

  protected onKey(event: KeyboardEvent): void {
    const [r, c] = this.focus();
    const moves: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      const next: [number, number] = [Math.min(this.rows() - 1, Math.max(0, r + move[0])), Math.min(this.columns() - 1, Math.max(0, c + move[1]))];
      this.focus.set(next);
      this.host.nativeElement.querySelector<HTMLButtonElement>(`[data-r="${next[0]}"][data-c="${next[1]}"]`)?.focus();
      return;
    }
    const code = KEYS[event.key.toLowerCase()];
    if (code && (event.target as HTMLElement).classList.contains('cell')) {
      event.preventDefault();
      this.paint(r, c, code);
    }
  }

  private update(plan: PlanCode[][]): void {
    this.plan.set(plan);
    this.planChange.emit(toRows(plan));
  }
}
