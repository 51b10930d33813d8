import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';
import { t } from '../i18n/pt-BR';

/** Where a page the user's role may not see sends them. */
@Component({
  selector: 'mq-not-allowed',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ t.notAllowed.title }}</h1>
    <p>{{ t.notAllowed.body }}</p>
    <p><a routerLink="/">{{ t.notAllowed.home }}</a></p>
  `,
})
export class NotAllowedPage {
  protected readonly t = t;
}
