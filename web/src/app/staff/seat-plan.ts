/** A position code of the API's seat plans: S standard, P premium, W wheelchair, C companion, X blocked, _ gap. */
export type PlanCode = 'S' | 'P' | 'W' | 'C' | 'X' | '_';
export const PLAN_CODES: readonly PlanCode[] = ['S', 'P', 'W', 'C', 'X', '_'];

/** Row names as the API takes them: A..Z, then AA, AB… */
export function rowName(index: number): string {
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  return index < 26 ? letters[index] : letters[Math.floor(index / 26) - 1] + letters[index % 26];
}

/** A grid of `rows` × `columns` standard seats, keeping what `previous` already had where it overlaps. */
export function resizePlan(previous: readonly PlanCode[][], rows: number, columns: number): PlanCode[][] {
  return Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_, c) => previous[r]?.[c] ?? 'S'));
}

/** The API's rows: `{ row: "A", positions: "WC_SSSS" }`. */
export function toRows(plan: readonly PlanCode[][]): { row: string; positions: string }[] {
  return plan.map((cells, r) => ({ row: rowName(r), positions: cells.join('') }));
}

/** Positions that are seats (blocked ones included), as the auditorium's plan counts them. */
export function seatCount(plan: readonly PlanCode[][]): number {
  return plan.reduce((sum, cells) => sum + cells.filter((c) => c !== '_').length, 0);
}
