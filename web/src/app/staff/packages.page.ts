import { ChangeDetectionStrategy, Component, Injector, afterNextRender, inject, signal } from '@angular/core';
import { Genre, Package, PackageDraft } from '../api/models';
import { LibraryApi } from '../api/library.api';
import { messageOf } from '../api/problem';
import { StaffApi, VersionedPackage } from '../api/staff.api';
import { t } from '../i18n/pt-BR';
import { centsToInput, formatMoney, parseReais } from '../shared/format/format';
import { FormSubmission } from '../shared/form-submission';
import { DialogComponent } from '../shared/ui/dialog.component';
import { FieldErrorComponent, ProblemComponent } from '../shared/ui/field-error.component';

/**
 * Packages: create, edit and retire. An edit carries the version it was read at; when someone else
 * changed the package meanwhile the API answers 412 and the dialog offers the current version
 * instead of overwriting it.
 */
@Component({
  selector: 'mq-staff-packages',
  imports: [DialogComponent, FieldErrorComponent, ProblemComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ t.staff.packagesTitle }}</h1>
    <section class="card" aria-labelledby="package-form-title">
      <h2 id="package-form-title">{{ editing() ? t.staff.editPackage(editing()!.package.name) : t.staff.newPackage }}</h2>
      @for (key of [formKey()]; track key) {
      <form (submit)="save($event)" novalidate>
        <div class="field"><label for="pk-name">{{ t.staff.name }}</label>
          <input id="pk-name" name="name" required [value]="editing()?.package?.name ?? ''" [attr.aria-invalid]="!!errors()['name']" [attr.aria-describedby]="errors()['name'] ? 'pk-name-error' : null" />
          <mq-field-error id="pk-name-error" [message]="errors()['name']" /></div>
        <div class="field wide"><label for="pk-description">{{ t.staff.description }}</label>
          <textarea id="pk-description" name="description" rows="2" [value]="editing()?.package?.description ?? ''"></textarea>
          <mq-field-error id="pk-description-error" [message]="errors()['description']" /></div>
        <div class="field"><label for="pk-price">{{ t.staff.price }}</label>
          <input id="pk-price" name="price" inputmode="decimal" required [value]="editing() ? toInput(editing()!.package.priceCents) : ''"
            [attr.aria-invalid]="!!errors()['priceCents']" [attr.aria-describedby]="errors()['priceCents'] ? 'pk-price-error' : null" />
          <mq-field-error id="pk-price-error" [message]="errors()['priceCents']" /></div>
        <fieldset [attr.aria-describedby]="errors()['genreIds'] ? 'pk-genres-error' : null">
          <legend>{{ t.library.genres }}</legend>
          <div class="genres">
            @for (g of genres(); track g.id) {
              <label class="check"><input type="checkbox" name="genre" [value]="g.id" [checked]="editing()?.package?.genreIds?.includes(g.id) ?? false" /> {{ g.name }}</label>
            }
          </div>
          <mq-field-error id="pk-genres-error" [message]="errors()['genreIds']" />
        </fieldset>
        <div class="row">
          <button type="submit" class="btn" [disabled]="busy()">{{ editing() ? t.staff.save : t.staff.create }}</button>
          @if (editing()) { <button type="button" class="btn-secondary" (click)="startOver()">{{ t.staff.cancel }}</button> }
        </div>
        <mq-problem [message]="problem()" />
        @if (saved()) { <p role="status" class="success">{{ t.staff.saved }}</p> }
      </form>
      }
    </section>

    <mq-problem [message]="listProblem()" />
    <ul class="plain">
      @for (p of packages(); track p.id) {
        <li class="card row item">
          <div class="grow"><strong>{{ p.name }}</strong> · {{ money(p.priceCents) }} · <span class="muted">{{ t.staff.version(p.version) }}</span>
            @if (p.retired) { <span class="muted"> · {{ t.staff.retired }}</span> }</div>
          <button type="button" class="btn-secondary" (click)="edit(p)">{{ t.staff.editPackage(p.name) }}</button>
          @if (!p.retired) { <button type="button" class="btn-secondary" (click)="retire(p)">{{ t.staff.retire(p.name) }}</button> }
        </li>
      }
    </ul>

    <mq-dialog id="stale" [title]="t.staff.staleTitle" [open]="stale()" (closed)="stale.set(false)">
      <p>{{ t.staff.staleBody }}</p>
      <div class="row">
        <button type="button" class="btn" (click)="reloadStale()">{{ t.staff.reload }}</button>
        <button type="button" class="btn-secondary" (click)="stale.set(false)">{{ t.staff.cancel }}</button>
      </div>
    </mq-dialog>
  `,
  styles: `
    fieldset { border: 1px solid var(--color-border); border-radius: var(--radius); margin: 0 0 var(--space-3); }
    .genres { display: grid; grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr)); }
    .wide { max-width: 40rem; }
    .row { gap: var(--space-3); }
    .item { justify-content: space-between; }
    .grow { flex: 1 1 16rem; }
  `,
})
export class PackagesPage {
  protected readonly t = t;
  private readonly staff = inject(StaffApi);
  private readonly library = inject(LibraryApi);
  protected readonly money = formatMoney;
  protected readonly toInput = centsToInput;
  protected readonly packages = signal<Package[]>([]);
  protected readonly genres = signal<Genre[]>([]);
  protected readonly editing = signal<VersionedPackage | null>(null);
  protected readonly formKey = signal(0);
  private readonly injector = inject(Injector);
  protected readonly stale = signal(false);
  protected readonly saved = signal(false);
  protected readonly listProblem = signal<string | undefined>(undefined);
  private readonly form = new FormSubmission();
  protected readonly busy = this.form.busy;
  protected readonly problem = this.form.problem;
  protected readonly errors = this.form.errors;

  constructor() {
    this.library.genres().subscribe({ next: (list) => this.genres.set(list.filter((g) => g.active)), error: (e) => this.listProblem.set(messageOf(e)) });
    this.reload();
  }

  private reload(): void {
    this.library.packages(true).subscribe({ next: (list) => this.packages.set(list), error: (e) => this.listProblem.set(messageOf(e)) });
  }

  /** Reads the package afresh: its ETag is the version an edit will be checked against. */
  protected edit(p: Package): void {
    this.saved.set(false);
    this.staff.package(p.id).subscribe({
      next: (versioned) => {
        this.show(versioned);
        afterNextRender(() => document.getElementById('pk-name')?.focus(), { injector: this.injector });
      },
      error: (e) => this.listProblem.set(messageOf(e)),
    });
  }

  protected startOver(): void { this.show(null); }

  /** A new key renders the form afresh: a reset or typed-in field keeps no binding, a new one shows what it is bound to. */
  private show(versioned: VersionedPackage | null): void {
    this.editing.set(versioned);
    this.formKey.update((key) => key + 1);
  }

  protected save(event: Event): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const field = (name: string) => form.elements.namedItem(name) as HTMLInputElement;
    const priceCents = parseReais(field('price').value);
    if (priceCents === null) {
      this.form.refuse({ priceCents: t.common.notAnAmount });
      return;
    }
    const draft: PackageDraft = {
      name: field('name').value.trim(),
      description: field('description').value.trim(),
      priceCents,
      genreIds: [...form.querySelectorAll<HTMLInputElement>('input[name="genre"]:checked')].map((box) => Number(box.value)),
    };
    const editing = this.editing();
    this.saved.set(false);
    this.form.run(editing ? this.staff.replacePackage(editing.package.id, draft, editing.etag) : this.staff.createPackage(draft), () => {
      this.saved.set(true);
      this.startOver();
      this.reload();
    }, (problem) => {
      if (problem.status !== 412) return undefined;
      this.stale.set(true);
      return t.staff.staleTitle;
    });
  }

  /** Takes the current version: the form shows what is stored now, the user redoes their change on top. */
  protected reloadStale(): void {
    const editing = this.editing();
    this.stale.set(false);
    if (editing) this.edit(editing.package);
    this.reload();
  }

  protected retire(p: Package): void {
    const failed = (e: unknown) => this.listProblem.set(messageOf(e));
    this.staff.package(p.id).subscribe({
      next: (versioned) => this.staff.retirePackage(p.id, versioned.etag).subscribe({ next: () => this.reload(), error: failed }),
      error: failed,
    });
  }
}
