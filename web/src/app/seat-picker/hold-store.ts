import { Injectable } from '@angular/core';
import { Hold } from '../api/models';

/** The current hold per showtime, kept in sessionStorage so checkout survives a reload. */
@Injectable({ providedIn: 'root' })
export class HoldStore {
  get(showtimeId: string): Hold | null {
    try {
      const raw = sessionStorage.getItem(key(showtimeId));
      const hold = raw ? (JSON.parse(raw) as Hold) : null;
      return hold && new Date(hold.expiresAt).getTime() > Date.now() ? hold : null;
    } catch {
      return null;
    }
  }
  set(showtimeId: string, hold: Hold): void { try { sessionStorage.setItem(key(showtimeId), JSON.stringify(hold)); } catch { /* ignore */ } }
  clear(showtimeId: string): void { try { sessionStorage.removeItem(key(showtimeId)); } catch { /* ignore */ } }
}

function key(showtimeId: string): string { return `marquee.hold.${showtimeId}`; }
