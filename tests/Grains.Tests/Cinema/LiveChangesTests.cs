using System.Threading.Channels;
using Marquee.Cinema;
using Orleans.Streams;

namespace Marquee.Grains.Tests.Cinema;

/// <summary>What a live viewer draws from the change events alone, under changes that share writes.</summary>
[Collection(ShiftedClockCollection.Name)]
public sealed class LiveChangesTests(ShiftedClockClusterFixture fixture)
{
    [Fact]
    public async Task AViewerApplyingEveryNewerVersionEndsWithTheMapUnderConcurrentHolds()
    {
        var showtime = Guid.NewGuid();
        var seats = fixture.Cluster.GrainFactory.GetGrain<IShowtimeSeatsGrain>(showtime);
        await seats.ConfigureAsync(Layouts.Standard());
        var changes = Channel.CreateUnbounded<SeatMapChanged>();
        var subscription = await fixture.Cluster.Client.GetStreamProvider(StreamNames.Live)
            .GetStream<SeatMapChanged>(StreamId.Create(SeatMapStream.Namespace, showtime))
            .SubscribeAsync((change, _) => changes.Writer.WriteAsync(change).AsTask());
        try
        {
            var start = await seats.GetSeatMapAsync();
            // Holds arriving while a write is in flight are written (and told) in the next batch.
            var labels = Enumerable.Range(1, 20).SelectMany(number => new[] { $"C{number}", $"D{number}" }).ToList();
            await Task.WhenAll(labels.Select(label => seats.HoldSeatsAsync(Guid.NewGuid(), [label])));
            var final = await seats.GetSeatMapAsync();

            // As the web app and the API's stream do: a change no newer than what is drawn is skipped.
            var picture = start.Seats.ToDictionary(seat => seat.Seat, seat => seat.Status);
            var version = start.Version;
            var versions = new List<long>();
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            while (version < final.Version)
            {
                var change = await changes.Reader.ReadAsync(patience.Token);
                versions.Add(change.Version);
                if (change.Version <= version)
                {
                    continue;
                }
                version = change.Version;
                foreach (var seat in change.Seats)
                {
                    picture[seat.Seat] = seat.Status;
                }
            }

            Assert.True(versions.SequenceEqual(versions.Distinct().Order()), $"event versions {string.Join(", ", versions)} are not strictly increasing");
            Assert.Equal(final.Seats.Select(seat => (seat.Seat, seat.Status)), final.Seats.Select(seat => (seat.Seat, picture[seat.Seat])));
        }
        finally
        {
            await subscription.UnsubscribeAsync();
        }
    }
}
