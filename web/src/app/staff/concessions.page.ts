import { ChangeDetectionStrategy, Component, Injector, afterNextRender, computed, inject, signal } from '@angular/core';
import { Category, Product, ProductDraft } from '../api/models';
import { messageOf } from '../api/problem';
import { StaffApi } from '../api/staff.api';
import { t } from '../i18n/pt-BR';
import { centsToInput, formatMoney, parseReais } from '../shared/format/format';
import { FormSubmission } from '../shared/form-submission';
import { FieldErrorComponent, ProblemComponent } from '../shared/ui/field-error.component';

/** The menu: categories, and products with their price, stock, image and whether they are on sale. */
@Component({
  selector: 'mq-staff-concessions',
  imports: [FieldErrorComponent, ProblemComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ t.staff.concessionsTitle }}</h1>
    <section class="card" aria-labelledby="categories-title">
      <h2 id="categories-title">{{ t.staff.categories }}</h2>
      <ul class="plain row chips">@for (c of categories(); track c.id) { <li class="chip">{{ c.name }}</li> }</ul>
      <form class="row inline" (submit)="addCategory($event)" novalidate>
        <div class="field"><label for="category-name">{{ t.staff.newCategory }}</label>
          <input id="category-name" name="name" required [attr.aria-invalid]="!!categoryErrors()['name']"
            [attr.aria-describedby]="categoryErrors()['name'] ? 'category-name-error' : null" />
          <mq-field-error id="category-name-error" [message]="categoryErrors()['name']" /></div>
        <button type="submit" class="btn">{{ t.staff.createCategory }}</button>
      </form>
    </section>

    <section class="card" aria-labelledby="product-form-title">
      <h2 id="product-form-title">{{ editing() ? t.staff.editProduct(editing()!.name) : t.staff.newProduct }}</h2>
      @for (key of [formKey()]; track key) {
      <form (submit)="save($event)" novalidate>
        <div class="row">
          <div class="field"><label for="p-name">{{ t.staff.name }}</label>
            <input id="p-name" name="name" required [value]="editing()?.name ?? ''" [attr.aria-invalid]="!!errors()['name']" [attr.aria-describedby]="errors()['name'] ? 'p-name-error' : null" />
            <mq-field-error id="p-name-error" [message]="errors()['name']" /></div>
          <div class="field"><label for="p-category">{{ t.staff.category }}</label>
            <select id="p-category" name="categoryId" [attr.aria-invalid]="!!errors()['categoryId']" [attr.aria-describedby]="errors()['categoryId'] ? 'p-category-error' : null">
              @for (c of categories(); track c.id) { <option [value]="c.id" [selected]="editing()?.categoryId === c.id">{{ c.name }}</option> }
            </select>
            <mq-field-error id="p-category-error" [message]="errors()['categoryId']" /></div>
        </div>
        <div class="field wide"><label for="p-description">{{ t.staff.description }}</label>
          <textarea id="p-description" name="description" rows="2" [value]="editing()?.description ?? ''"></textarea>
          <mq-field-error id="p-description-error" [message]="errors()['description']" /></div>
        <div class="row">
          <div class="field"><label for="p-price">{{ t.staff.price }}</label>
            <input id="p-price" name="price" inputmode="decimal" required [value]="editing() ? toInput(editing()!.priceCents) : ''"
              [attr.aria-invalid]="!!errors()['priceCents']" [attr.aria-describedby]="errors()['priceCents'] ? 'p-price-error' : null" />
            <mq-field-error id="p-price-error" [message]="errors()['priceCents']" /></div>
          <div class="field"><label for="p-stock">{{ t.staff.stock }}</label>
            <input id="p-stock" name="stock" type="number" min="0" required [value]="editing()?.stock ?? 0"
              [attr.aria-invalid]="!!errors()['stock']" [attr.aria-describedby]="errors()['stock'] ? 'p-stock-error' : null" />
            <mq-field-error id="p-stock-error" [message]="errors()['stock']" /></div>
          <div class="field"><label for="p-group">{{ t.staff.groupSize }}</label>
            <input id="p-group" name="groupSize" type="number" min="1" max="10" [value]="editing()?.groupSize ?? 1"
              [attr.aria-invalid]="!!errors()['groupSize']" [attr.aria-describedby]="errors()['groupSize'] ? 'p-group-error' : null" />
            <mq-field-error id="p-group-error" [message]="errors()['groupSize']" /></div>
        </div>
        <div class="field wide"><label for="p-image">{{ t.staff.imageUrl }}</label>
          <input id="p-image" name="imageUrl" type="url" [value]="editing()?.imageUrl ?? ''"
            [attr.aria-invalid]="!!errors()['imageUrl']" [attr.aria-describedby]="errors()['imageUrl'] ? 'p-image-error' : null" />
          <mq-field-error id="p-image-error" [message]="errors()['imageUrl']" /></div>
        <label class="check"><input type="checkbox" name="active" [checked]="editing()?.active ?? true" /> {{ t.staff.active }}</label>
        <div class="row">
          <button type="submit" class="btn" [disabled]="busy()">{{ editing() ? t.staff.save : t.staff.create }}</button>
          @if (editing()) { <button type="button" class="btn-secondary" (click)="startOver()">{{ t.staff.cancel }}</button> }
        </div>
        <mq-problem [message]="problem()" />
        @if (saved()) { <p role="status" class="success">{{ t.staff.saved }}</p> }
      </form>
      }
    </section>

    <h2>{{ t.staff.products }}</h2>
    <mq-problem [message]="listProblem()" />
    <ul class="plain">
      @for (p of products(); track p.id) {
        <li class="card row product">
          <div class="grow"><strong>{{ p.name }}</strong> · {{ money(p.priceCents) }} · {{ t.staff.stock }} {{ p.stock }} · {{ categoryName(p.categoryId) }}
            @if (!p.active) { <span class="muted"> · {{ t.staff.offSale }}</span> }</div>
          <button type="button" class="btn-secondary" (click)="edit(p)">{{ t.staff.edit(p.name) }}</button>
          @if (p.active) { <button type="button" class="btn-secondary" (click)="deactivate(p)">{{ t.staff.takeOffSale(p.name) }}</button> }
        </li>
      }
    </ul>
  `,
  styles: `
    .chips { gap: var(--space-2); margin-bottom: var(--space-3); }
    .chip { border: 1px solid var(--color-border); border-radius: 999px; padding: var(--space-1) var(--space-3); }
    .inline { align-items: flex-end; }
    .inline .field { margin-bottom: 0; }
    .wide { max-width: 40rem; }
    .check { margin-bottom: var(--space-3); }
    .row { gap: var(--space-3); }
    .product { justify-content: space-between; }
    .grow { flex: 1 1 16rem; }
  `,
})
export class ConcessionsPage {
  protected readonly t = t;
  private readonly staff = inject(StaffApi);
  protected readonly money = formatMoney;
  protected readonly toInput = centsToInput;
  protected readonly categories = signal<Category[]>([]);
  protected readonly products = signal<Product[]>([]);
  protected readonly editing = signal<Product | null>(null);
  protected readonly formKey = signal(0);
  private readonly injector = inject(Injector);
  protected readonly saved = signal(false);
  protected readonly listProblem = signal<string | undefined>(undefined);
  private readonly categoryNames = computed(() => new Map(this.categories().map((c) => [c.id, c.name])));
  private readonly form = new FormSubmission();
  protected readonly busy = this.form.busy;
  protected readonly problem = this.form.problem;
  protected readonly errors = this.form.errors;
  private readonly categoryForm = new FormSubmission();
  protected readonly categoryErrors = this.categoryForm.errors;

  constructor() {
    this.staff.categories().subscribe({ next: (list) => this.categories.set(list), error: (e) => this.listProblem.set(messageOf(e)) });
    this.reload();
  }

  protected categoryName(id: number): string { return this.categoryNames().get(id) ?? ''; }

  private reload(): void {
    this.staff.products().subscribe({ next: (list) => this.products.set(list), error: (e) => this.listProblem.set(messageOf(e)) });
  }

  protected addCategory(event: Event): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const name = (form.elements.namedItem('name') as HTMLInputElement).value.trim();
    this.categoryForm.run(this.staff.createCategory(name), (created) => {
      this.categories.update((list) => [...list, created].sort((a, b) => a.name.localeCompare(b.name, 'pt-BR')));
      form.reset();
    });
  }

  protected edit(p: Product): void {
    this.saved.set(false);
    this.show(p);
    afterNextRender(() => document.getElementById('p-name')?.focus(), { injector: this.injector });
  }

  protected startOver(): void { this.show(null); }

  /** A new key renders the form afresh: a reset or typed-in field keeps no binding, a new one shows what it is bound to. */
  private show(p: Product | null): void {
    this.editing.set(p);
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
    const draft: ProductDraft = {
      name: field('name').value.trim(),
      description: field('description').value.trim(),
      categoryId: Number(field('categoryId').value),
      priceCents,
      imageUrl: field('imageUrl').value.trim(),
      active: field('active').checked,
      stock: field('stock').valueAsNumber || 0,
      groupSize: field('groupSize').valueAsNumber || 1,
    };
    const editing = this.editing();
    this.saved.set(false);
    this.form.run(editing ? this.staff.updateProduct(editing.id, draft) : this.staff.createProduct(draft), () => {
      this.saved.set(true);
      this.startOver();
      this.reload();
    });
  }

  protected deactivate(p: Product): void {
    this.staff.deactivateProduct(p.id).subscribe({ next: () => this.reload(), error: (e) => this.listProblem.set(messageOf(e)) });
  }
}
