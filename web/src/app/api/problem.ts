import { HttpErrorResponse } from '@angular/common/http';
import { Problem } from './models';
import { t } from '../i18n/pt-BR';

/** The RFC 9457 problem of a failed call, or a generic one. */
export function toProblem(error: unknown): Problem {
  if (error instanceof HttpErrorResponse && error.status === 429) {
    // Too many tries: say in our words how long to wait, from the header the API always sends.
    const seconds = Number(error.headers.get('Retry-After'));
    return { title: t.common.slowDown(Number.isFinite(seconds) && seconds > 0 ? seconds : 60), status: 429 };
  }
  if (error instanceof HttpErrorResponse && error.error && typeof error.error === 'object') return error.error as Problem;
  return { title: t.common.genericError, status: error instanceof HttpErrorResponse ? error.status : 0 };
}

/** Field messages keyed in lower camel case (the API may send "Email" or "email"). */
export function fieldErrors(problem: Problem | null): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(problem?.errors ?? {})) out[k.charAt(0).toLowerCase() + k.slice(1)] = v.join(' ');
  return out;
}

export function problemMessage(problem: Problem | null): string {
  if (!problem) return '';
  return problem.detail || problem.title || t.common.genericError;
}

/** What to show for a call that failed: the API's words, or the generic message. */
export function messageOf(error: unknown): string {
  return problemMessage(toProblem(error));
}
