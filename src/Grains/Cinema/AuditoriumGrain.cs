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
        if (state.State.Layout is not null)
        {
            return state.State.CinemaId == cinemaId && state.State.Name == name
                ? Info()
                : throw new ConflictException("This auditorium already exists.");
        }
        state.State.CinemaId = cinemaId;
        state.State.Name = name;
        state.State.Layout = layout;
        state.State.CreatedAt = clock.GetUtcNow();
        await state.WriteStateAsync();
        var info = Info();
        await readModel.AddAuditoriumAsync(info, state.State.CreatedAt);
        return info;
    }

    public Task<AuditoriumInfo> GetAsync() => Task.FromResult(Info());

    private AuditoriumInfo Info() => state.State.Layout is { } layout
        ? new AuditoriumInfo(this.GetPrimaryKey(), state.State.CinemaId, state.State.Name, layout.Seats.Count(seat => seat.Kind != SeatKind.Blocked), layout)
        : throw new NotFoundException("No such auditorium.");
}
