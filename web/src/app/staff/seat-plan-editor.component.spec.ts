import { TestBed } from '@angular/core/testing';
import { SeatPlanEditorComponent } from './seat-plan-editor.component';

describe('SeatPlanEditorComponent', () => {
  it('paints by click with the chosen kind and by keyboard, and emits the rows the API takes', async () => {
    const fixture = TestBed.createComponent(SeatPlanEditorComponent);
    const emitted: { row: string; positions: string }[][] = [];
    fixture.componentInstance.planChange.subscribe((rows) => emitted.push(rows));
    await fixture.whenStable();
    const host = fixture.nativeElement as HTMLElement;
    const cell = (label: string) => [...host.querySelectorAll<HTMLButtonElement>('button.cell')].find((b) => b.getAttribute('aria-label') === label)!;

    host.querySelector<HTMLInputElement>('input[type="radio"][value="W"]')!.click();
    cell('Fileira A, posição 1: Padrão').click();
    await fixture.whenStable();
    const second = cell('Fileira A, posição 2: Padrão');
    second.focus();
    second.dispatchEvent(new KeyboardEvent('keydown', { key: 'c', bubbles: true }));
    await fixture.whenStable();
    cell('Fileira A, posição 2: Acompanhante').dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    (document.activeElement as HTMLElement).dispatchEvent(new KeyboardEvent('keydown', { key: ' ', bubbles: true }));
    await fixture.whenStable();

    expect(emitted.at(-1)![0]).toEqual({ row: 'A', positions: 'WC_SSSSSSS' });
    expect(emitted.at(-1)!.length).toBe(6);
    expect(host.textContent).toContain('59 poltronas');
  });

  it('keeps one cell in the tab order when the plan shrinks past the one that had it', async () => {
    const fixture = TestBed.createComponent(SeatPlanEditorComponent);
    await fixture.whenStable();
    const host = fixture.nativeElement as HTMLElement;
    const cells = () => [...host.querySelectorAll<HTMLButtonElement>('button.cell')];
    cells().find((b) => b.getAttribute('aria-label') === 'Fileira F, posição 10: Padrão')!.focus();
    await fixture.whenStable();

    for (const [id, size] of [['plan-rows', '3'], ['plan-columns', '4']]) {
      const input = host.querySelector<HTMLInputElement>(`#${id}`)!;
      input.value = size;
      input.dispatchEvent(new Event('change'));
    }
    await fixture.whenStable();

    const stops = cells().filter((b) => b.getAttribute('tabindex') === '0');
    expect(stops.map((b) => b.getAttribute('aria-label'))).toEqual(['Fileira C, posição 4: Padrão']);
  });
});
