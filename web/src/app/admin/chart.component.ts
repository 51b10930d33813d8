import { ChangeDetectionStrategy, Component, DestroyRef, ElementRef, effect, inject, input, viewChild } from '@angular/core';
import {
  BarController, BarElement, CategoryScale, Chart, ChartConfiguration, Legend, LineController, LineElement, LinearScale, PointElement, Tooltip,
} from 'chart.js';

// Only the pieces the capacity page draws, so the admin chunk carries no more of Chart.js than it uses.
Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip);

/**
 * A Chart.js chart on a canvas. The canvas is an image to assistive technology, named by `summary`,
 * which says in words what the picture shows.
 */
@Component({
  selector: 'mq-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<div class="frame"><canvas #canvas role="img" [attr.aria-label]="summary()"></canvas></div>`,
  styles: `.frame { position: relative; height: 18rem; }`,
})
export class ChartComponent {
  readonly config = input.required<ChartConfiguration>();
  readonly summary = input.required<string>();
  private readonly canvas = viewChild.required<ElementRef<HTMLCanvasElement>>('canvas');
  private chart: Chart | null = null;

  constructor() {
    effect(() => {
      this.chart?.destroy();
      this.chart = new Chart(this.canvas().nativeElement, this.config());
    });
    inject(DestroyRef).onDestroy(() => this.chart?.destroy());
  }
}

/** A design token's colour, for drawings that cannot read CSS variables themselves. */
export function token(name: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
}
