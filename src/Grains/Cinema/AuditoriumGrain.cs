using Marquee.Cinema.State;
using Marquee.Common;
using Orleans.Runtime;

namespace Marquee.Cinema;

public sealed class AuditoriumGrain(
    [PersistentState("auditorium", StorageNames.Cinema)] IPersistentState<AuditoriumState> state,
    CinemaReadModel readModel,
    TimeProvider clock) : Grain, IAuditoriumGrain
{
    public async Task<AuditoriumInfo> CreateAsync(Guid cinemaId, string name, SeatMapSetup layout)
    {
        if (state.State.Layout is { } existing)
        {
            if (state.State.CinemaId != cinemaId || state.State.Name != name || !SamePlan(existing, layout))
            {
                throw new ConflictException($"This cinema already has an auditorium named '{name}'.");
            }
        }
        else
        {
            state.State.CinemaId = cinemaId;
            state.State.Name = name;
            state.State.Layout = layout;
            state.State.CreatedAt = clock.GetUtcNow();
            await state.WriteOrDeactivateAsync(this);
        }
        // Also on a repeat: the listing may have missed the first time (inserts are idempotent by id).
        var info = Info();
        await readModel.AddAuditoriumAsync(info, state.State.CreatedAt);
        return info;
    }

    public Task<AuditoriumInfo> GetAsync() => Task.FromResult(Info());

    private static bool SamePlan(SeatMapSetup a, SeatMapSetup b) => a.Seats.SequenceEqual(b.Seats) && a.RowsFrontToBack.SequenceEqual(b.RowsFrontToBack);

    private AuditoriumInfo Info() => state.State.Layout is { } layout
        ? new AuditoriumInfo(this.GetPrimaryKey(), state.State.CinemaId, state.State.Name, layout.Seats.Count(seat => seat.Kind != SeatKind.Blocked), layout)
        : throw new NotFoundException("No such auditorium.");
}
