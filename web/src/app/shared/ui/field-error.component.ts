import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/** A field's message from the API's problem; the field points at it with aria-describedby. */
@Component({
  selector: 'mq-field-error',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `@if (message()) { <span class="error" [id]="id()">{{ message() }}</span> }`,
})
export class FieldErrorComponent {
  readonly id = input.required<string>();
  readonly message = input<string | undefined>();
}

@Component({
  selector: 'mq-problem',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `@if (message()) { <p class="error" role="alert">{{ message() }}</p> }`,
})
export class ProblemComponent {
  readonly message = input<string | undefined>();
}
