import { HttpErrorResponse } from '@angular/common/http';
import { Subject, of, throwError } from 'rxjs';
import { FormSubmission } from './form-submission';

const problem = (status: number, body: object) => new HttpErrorResponse({ status, error: { status, ...body } });

describe('FormSubmission', () => {
  it('is busy while the request is in flight and calls done with its value', () => {
    const form = new FormSubmission();
    const request = new Subject<number>();
    let got: number | undefined;

    form.run(request, (value) => (got = value));
    expect(form.busy()).toBe(true);
    request.next(7);

    expect(form.busy()).toBe(false);
    expect(got).toBe(7);
  });

  it('puts per-field messages next to their fields and nothing near the action', () => {
    const form = new FormSubmission();

    form.run(throwError(() => problem(400, { title: 'Invalid', errors: { Email: ['E-mail inválido.'] } })), () => undefined);

    expect(form.errors()).toEqual({ email: 'E-mail inválido.' });
    expect(form.problem()).toBeUndefined();
  });

  it("shows any other problem's detail near the action, unless the form words it itself", () => {
    const plain = new FormSubmission();
    const worded = new FormSubmission();

    plain.run(throwError(() => problem(409, { title: 'Conflict', detail: 'E-mail já cadastrado.' })), () => undefined);
    worded.run(throwError(() => problem(401, { title: 'Unauthorized' })), () => undefined, (p) => (p.status === 401 ? 'Credenciais inválidas.' : undefined));

    expect(plain.problem()).toBe('E-mail já cadastrado.');
    expect(worded.problem()).toBe('Credenciais inválidas.');
  });

  it('clears the last attempt’s messages when it runs again', () => {
    const form = new FormSubmission();
    form.run(throwError(() => problem(409, { detail: 'Antes.' })), () => undefined);

    form.run(of(1), () => undefined);

    expect(form.problem()).toBeUndefined();
    expect(form.errors()).toEqual({});
  });
});
