namespace Marquee.Cinema;

/// <summary>
/// Picks N side-by-side seats of one kind in one row: first blocks that leave no lone empty seat
/// beside them, then rows nearest the best row (about 60% of the way back), then blocks nearest the
/// middle of their row.
/// </summary>
public static class BestAvailable
{
    private const double BestRowFraction = 0.6;

    public static IReadOnlyList<SeatDefinition>? Pick(
        IReadOnlyList<string> rowsFrontToBack, IEnumerable<SeatDefinition> seats, Func<SeatDefinition, bool> isFree, int quantity, SeatKind kind)
    {
        var bestRow = (rowsFrontToBack.Count - 1) * BestRowFraction;
        var rowIndex = rowsFrontToBack.Select((row, index) => (row, index)).ToDictionary(pair => pair.row, pair => pair.index, StringComparer.Ordinal);
        (bool Orphan, double RowDistance, double CentreDistance, int RowIndex, List<SeatDefinition> Block)? best = null;

        foreach (var row in seats.GroupBy(seat => seat.Row, StringComparer.Ordinal))
        {
            var ordered = row.OrderBy(seat => seat.Column).ToList();
            var centre = (ordered[0].Column + ordered[^1].Column) / 2.0;
            var index = rowIndex.GetValueOrDefault(row.Key, int.MaxValue);
            foreach (var run in Runs(ordered.Where(seat => seat.Kind == kind && isFree(seat)).ToList()))
            {
                for (var start = 0; start + quantity <= run.Count; start++)
                {
                    var left = start;
                    var right = run.Count - start - quantity;
                    var candidate = (
                        Orphan: left == 1 || right == 1,
                        RowDistance: Math.Abs(index - bestRow),
                        CentreDistance: Math.Abs((run[start].Column + run[start + quantity - 1].Column) / 2.0 - centre),
                        RowIndex: index,
                        Block: run.GetRange(start, quantity));
                    if (best is null || Better(candidate, best.Value))
                    {
                        best = candidate;
                    }
                }
            }
        }
        return best?.Block;
    }

    private static bool Better(
        (bool Orphan, double RowDistance, double CentreDistance, int RowIndex, List<SeatDefinition> Block) a,
        (bool Orphan, double RowDistance, double CentreDistance, int RowIndex, List<SeatDefinition> Block) b)
    {
        if (a.Orphan != b.Orphan) return !a.Orphan;
        if (a.RowDistance != b.RowDistance) return a.RowDistance < b.RowDistance;
        if (a.CentreDistance != b.CentreDistance) return a.CentreDistance < b.CentreDistance;
        return a.RowIndex > b.RowIndex; // equal otherwise: the row further back
    }

    /// <summary>Maximal runs of seats in consecutive columns.</summary>
    private static IEnumerable<List<SeatDefinition>> Runs(List<SeatDefinition> seats)
    {
        var run = new List<SeatDefinition>();
        foreach (var seat in seats)
        {
            if (run.Count > 0 && seat.Column != run[^1].Column + 1)
            {
                yield return run;
                run = [];
            }
            run.Add(seat);
        }
        if (run.Count > 0)
        {
            yield return run;
        }
    }
}
