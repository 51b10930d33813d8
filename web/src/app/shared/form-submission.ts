import { signal } from '@angular/core';
import { Observable } from 'rxjs';
import { fieldErrors, problemMessage, toProblem } from '../api/problem';
import { Problem } from '../api/models';

/**
 * One form's request in flight and what the API said of it: the per-field messages shown next to
 * their fields, anything else shown near the action.
 */
export class FormSubmission {
  readonly busy = signal(false);
  readonly problem = signal<string | undefined>(undefined);
  readonly errors = signal<Record<string, string>>({});

  /** What the form itself can tell before asking the API (text that is no amount, say): shown next to those fields. */
  refuse(errors: Record<string, string>): void {
    this.problem.set(undefined);
    this.errors.set(errors);
  }

  /** `message` may word a problem itself (e.g. a 401 at sign-in); otherwise the API's own words. */
  run<T>(request: Observable<T>, done: (value: T) => void, message: (problem: Problem) => string | undefined = () => undefined): void {
    this.busy.set(true);
    this.problem.set(undefined);
    this.errors.set({});
    request.subscribe({
      next: (value) => {
        this.busy.set(false);
        done(value);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        const problem = toProblem(error);
        this.errors.set(fieldErrors(problem));
        this.problem.set(message(problem) ?? (problem.errors ? undefined : problemMessage(problem)));
      },
    });
  }
}
