using Marquee.Cinema;

namespace Marquee.Grains.Tests.Cinema;

public sealed class BestAvailableTests
{
    private static readonly SeatMapSetup Layout = Layouts.Standard();

    private static IReadOnlyList<string>? Pick(int quantity, SeatKind kind = SeatKind.Standard, params string[] taken) =>
        BestAvailable.Pick(Layout.RowsFrontToBack, Layout.Seats, seat => !taken.Contains(seat.Label), quantity, kind)?.Select(seat => seat.Label).ToList();

    [Fact]
    public void AnEmptyHouseGetsTheCentreOfTheBestRow()
    {
        // Best row: 60% of the way back from A to J is F (index 5.4 → F at 5).
        Assert.Equal(["F15", "F16"], Pick(2));
    }

    [Fact]
    public void SeatsAreAdjacentAndNeverStraddleAnAisle()
    {
        // In F only F5 and F6 (either side of the aisle) and F26–F30 are free.
        var taken = Enumerable.Range(1, 4).Concat(Enumerable.Range(7, 19)).Select(n => $"F{n}").ToArray();
        var picked = Pick(2, SeatKind.Standard, taken)!;

        Assert.False(picked.Contains("F5") && picked.Contains("F6"), string.Join(",", picked));
        var columns = picked.Select(label => Layout.Seats.Single(seat => seat.Label == label).Column).Order().ToList();
        Assert.Equal(columns[0] + 1, columns[1]);
    }

    [Fact]
    public void ABlockThatWouldStrandOneSeatLosesToOneThatDoesNot()
    {
        // In F, only F6..F9 (4 seats, between the aisle and taken F10) are free next to the centre.
        var taken = Enumerable.Range(10, 16).Select(n => $"F{n}").Concat(Enumerable.Range(1, 5).Select(n => $"F{n}"))
            .Concat(Enumerable.Range(26, 5).Select(n => $"F{n}")).ToArray();
        var picked = Pick(3, SeatKind.Standard, taken)!;

        // F6-F8 or F7-F9 would leave a single empty seat; another row takes them whole instead.
        Assert.False(picked.All(label => label.StartsWith('F')), string.Join(",", picked));
    }

    [Fact]
    public void KindsAreRespectedAndBlockedSeatsNeverOffered()
    {
        Assert.Equal(["A1", "A2"], Pick(2, SeatKind.Wheelchair));
        // Blocked J15 splits J6–J25: nine fit whole on its left, while nine on its right would strand one seat.
        Assert.Equal(Enumerable.Range(6, 9).Select(n => $"J{n}"), Pick(9, SeatKind.Premium)!);
        Assert.Null(Pick(11, SeatKind.Premium));
        Assert.Null(Pick(3, SeatKind.Wheelchair));
    }
}
