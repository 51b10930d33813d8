using System.ComponentModel.DataAnnotations;

namespace Marquee.Cinema;

/// <summary>Seat-map rules (section <c>Cinema</c>).</summary>
public sealed class CinemaOptions
{
    public const string Section = "Cinema";

    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan HoldDuration { get; set; } = TimeSpan.FromMinutes(10);

    [Range(1, 50)]
    public int MaxSeatsPerUser { get; set; } = 10;

    /// <summary>How often an active seat map sweeps expired holds without being asked.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan ExpirySweepInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a hold taken by an order lives: long enough for payment and its retries. An order
    /// dead-lettered for longer loses the seats and, if later approved, refunds.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan OrderHoldDuration { get; set; } = TimeSpan.FromHours(2);

    /// <summary>
    /// How long after a showtime starts its sales close (São Paulo chains sell until about 15 minutes
    /// in). No hold outlives that moment, and nothing is held or ordered after it.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "03:00:00")]
    public TimeSpan SalesCloseAfterStart { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// How many seat events a seat map writes between snapshots of its state; a recovery replays at
    /// most this many. A snapshot is also stored when a map leaves memory.
    /// </summary>
    [Range(1, 100_000)]
    public int SnapshotEveryEvents { get; set; } = 200;

    /// <summary>Added to a movie's runtime to give a showtime's end: cleaning and the next audience walking in.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "02:00:00")]
    public TimeSpan CleaningTime { get; set; } = TimeSpan.FromMinutes(20);
}
