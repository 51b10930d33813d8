import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { Movie } from '../api/models';
import { messageOf } from '../api/problem';
import { t } from '../i18n/pt-BR';
import { ProblemComponent } from '../shared/ui/field-error.component';
import { MyLibrary } from './my-library';

/** One click marks a movie as watched, another unmarks it; the button says which it is now. */
@Component({
  selector: 'mq-watched-toggle',
  imports: [ProblemComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let watched = library.watchedIds().has(movie().id);
    <!-- A toggle keeps one name; its state is aria-pressed (and the check mark for sighted users). -->
    <button type="button" [class]="watched ? 'btn' : 'btn-secondary'" [attr.aria-pressed]="watched" [disabled]="busy()"
      [attr.aria-label]="t.library.watchedToggle(movie().title)" (click)="toggle(!watched)">
      <span aria-hidden="true">{{ watched ? '✓' : '○' }}</span> {{ t.library.watchedBadge }}</button>
    <mq-problem [message]="problem()" />
  `,
})
export class WatchedToggleComponent {
  readonly movie = input.required<Movie>();
  protected readonly library = inject(MyLibrary);
  protected readonly t = t;
  protected readonly busy = signal(false);
  protected readonly problem = signal<string | undefined>(undefined);

  protected toggle(watched: boolean): void {
    this.busy.set(true);
    this.problem.set(undefined);
    this.library.setWatched(this.movie().id, watched).subscribe({
      next: () => this.busy.set(false),
      error: (e) => { this.busy.set(false); this.problem.set(messageOf(e)); },
    });
  }
}
