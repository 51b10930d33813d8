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
});
