import { TestBed } from '@angular/core/testing';
import { Seat } from '../../api/models';
import { SeatMapComponent } from './seat-map.component';

describe('SeatMapComponent', () => {
  it('renders a labelled button per seat and disables the ones not available', async () => {
    const seats: Seat[] = [
      { seat: 'F7', row: 'F', number: 7, column: 6, kind: 'standard', status: 'available' },
      { seat: 'F8', row: 'F', number: 8, column: 8, kind: 'premium', status: 'sold' },
      { seat: 'G1', row: 'G', number: 1, column: 0, kind: 'wheelchair', status: 'held' },
    ];
    const fixture = TestBed.createComponent(SeatMapComponent);
    fixture.componentRef.setInput('seats', seats);
    fixture.componentRef.setInput('selected', []);
    await fixture.whenStable();
    const buttons = [...(fixture.nativeElement as HTMLElement).querySelectorAll('button')];
    expect(buttons.length).toBe(3);
    const f7 = buttons.find((b) => b.getAttribute('aria-label') === 'Fileira F, poltrona 7, padrão, disponível')!;
    expect(f7).toBeTruthy();
    expect(f7.disabled).toBe(false);
    expect(f7.getAttribute('aria-pressed')).toBe('false');
    expect(buttons.find((b) => b.getAttribute('aria-label') === 'Fileira F, poltrona 8, premium, vendido')!.disabled).toBe(true);
    expect(buttons.find((b) => b.getAttribute('aria-label') === 'Fileira G, poltrona 1, cadeirante, reservado')!.disabled).toBe(true);
  });

  it('emits the seat when an available one is pressed and marks selected ones', async () => {
    const fixture = TestBed.createComponent(SeatMapComponent);
    fixture.componentRef.setInput('seats', [{ seat: 'A1', row: 'A', number: 1, column: 0, kind: 'standard', status: 'available' }] satisfies Seat[]);
    fixture.componentRef.setInput('selected', ['A1']);
    const emitted: string[] = [];
    fixture.componentInstance.toggle.subscribe((s) => emitted.push(s));
    await fixture.whenStable();
    const button = (fixture.nativeElement as HTMLElement).querySelector('button')!;
    expect(button.getAttribute('aria-pressed')).toBe('true');
    button.click();
    expect(emitted).toEqual(['A1']);
  });
});
