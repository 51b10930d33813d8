export const SAO_PAULO = 'America/Sao_Paulo';

const money = new Intl.NumberFormat('pt-BR', { style: 'currency', currency: 'BRL' });
const time = new Intl.DateTimeFormat('pt-BR', { timeZone: SAO_PAULO, hour: '2-digit', minute: '2-digit' });
const dateTime = new Intl.DateTimeFormat('pt-BR', { timeZone: SAO_PAULO, dateStyle: 'short', timeStyle: 'short' });
const weekday = new Intl.DateTimeFormat('pt-BR', { timeZone: SAO_PAULO, weekday: 'short', day: '2-digit', month: '2-digit' });
const isoDay = new Intl.DateTimeFormat('en-CA', { timeZone: SAO_PAULO, year: 'numeric', month: '2-digit', day: '2-digit' });

/** R$ 32,00 from 3200 cents; Intl puts a no-break space after R$, normalised to a plain space. */
export function formatMoney(cents: number): string {
  return money.format(cents / 100).replace(/\u00a0/g, ' ');
}

export function formatTime(iso: string | Date): string {
  return time.format(new Date(iso));
}

export function formatDateTime(iso: string | Date): string {
  return dateTime.format(new Date(iso)).replace(/\u00a0/g, ' ');
}

/** The São Paulo calendar day of an instant, as YYYY-MM-DD. */
export function saoPauloDay(instant: Date): string {
  return isoDay.format(instant);
}

/** Short label of a São Paulo day given as YYYY-MM-DD, e.g. "qua., 02/12". */
export function formatDayLabel(day: string): string {
  // Noon UTC of that day is the same calendar day in São Paulo (UTC-3).
  return weekday.format(new Date(`${day}T15:00:00Z`));
}

/** The next `count` São Paulo days starting today. */
export function nextDays(now: Date, count: number): string[] {
  const days: string[] = [];
  const start = saoPauloDay(now);
  const base = new Date(`${start}T15:00:00Z`).getTime();
  for (let i = 0; i < count; i++) days.push(saoPauloDay(new Date(base + i * 86_400_000)));
  return days;
}

/** mm:ss of the time left until `until`, never negative. */
export function formatCountdown(msLeft: number): string {
  const total = Math.max(0, Math.ceil(msLeft / 1000));
  const m = Math.floor(total / 60);
  const s = total % 60;
  return `${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

const offset = new Intl.DateTimeFormat('en-US', { timeZone: SAO_PAULO, timeZoneName: 'longOffset' });

/** The instant of a São Paulo wall-clock time (`2026-12-24`, `19:30`) as ISO 8601 with that day's offset. */
export function saoPauloInstant(day: string, time: string): string {
  // The offset at noon UTC of that day: São Paulo's rules change (they dropped summer time in 2019), so ask Intl.
  const name = offset.formatToParts(new Date(`${day}T12:00:00Z`)).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT-03:00';
  const zone = name === 'GMT' ? '+00:00' : name.replace('GMT', '');
  return `${day}T${time}:00${zone}`;
}

/**
 * Cents from an amount typed in reais: "32", "32,5", "32,50", "1.032,50", and as an English keypad
 * types it, "32.50". A dot before exactly three digits groups thousands; before one or two, it is the
 * decimal point. Null when the text is no amount.
 */
export function parseReais(text: string): number | null {
  const amount = text.trim().replace(/^R\$\s*/, '');
  const grouped = /^\d{1,3}(\.\d{3})+(,\d{1,2})?$/.test(amount);
  const plain = /^\d+([,.]\d{1,2})?$/.test(amount);
  if (!grouped && !plain) return null;
  const normal = grouped ? amount.replace(/\./g, '').replace(',', '.') : amount.replace(',', '.');
  return Math.round(Number(normal) * 100);
}

/** Reais for an input field from cents: 3250 → "32,50". */
export function centsToInput(cents: number): string {
  return (cents / 100).toFixed(2).replace('.', ',');
}
