import { HttpErrorResponse, HttpHeaders } from '@angular/common/http';
import { messageOf, toProblem } from './problem';

describe('problem', () => {
  it("words a 429 itself, with the wait the API's Retry-After gives", () => {
    const tooMany = (retryAfter: string) =>
      new HttpErrorResponse({ status: 429, headers: new HttpHeaders({ 'Retry-After': retryAfter }), error: { title: 'Too many sign-in attempts.', detail: 'Wait for the time in Retry-After before trying again.' } });

    expect(messageOf(tooMany('42'))).toBe('Muitas tentativas. Tente de novo em 42 segundos.');
    expect(messageOf(tooMany('300'))).toBe('Muitas tentativas. Tente de novo em 5 minutos.');
    expect(toProblem(tooMany('soon')).status).toBe(429);
  });

  it("shows the API's own words for other problems, and a generic message without a body", () => {
    expect(messageOf(new HttpErrorResponse({ status: 409, error: { title: 'Conflict', detail: 'The hold already belongs to another order.' } })))
      .toBe('The hold already belongs to another order.');
    expect(messageOf(new HttpErrorResponse({ status: 502 }))).toBe('Algo deu errado. Tente de novo.');
  });
});
