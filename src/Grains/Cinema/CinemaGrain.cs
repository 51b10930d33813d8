using Marquee.Cinema.State;
using Marquee.Common;
using Orleans.Runtime;

namespace Marquee.Cinema;

public sealed class CinemaGrain(
    [PersistentState("cinema", StorageNames.Cinema)] IPersistentState<CinemaState> state,
    CinemaReadModel readModel,
    TimeProvider clock) : Grain, ICinemaGrain
{
    public async Task<CinemaInfo> CreateAsync(string name, string neighbourhood, string address)
    {
        if (state.State.Created)
        {
            throw new ConflictException("This cinema already exists.");
        }
        var cinema = new CinemaInfo(this.GetPrimaryKey(), name.Trim(), neighbourhood.Trim(), address.Trim(), clock.GetUtcNow());
        // The read model's unique name index decides between two cinemas created with one name at once.
        await readModel.AddCinemaAsync(cinema);
        state.State.Created = true;
        state.State.Name = cinema.Name;
        state.State.Neighbourhood = cinema.Neighbourhood;
        state.State.Address = cinema.Address;
        state.State.CreatedAt = cinema.CreatedAt;
        await state.WriteStateAsync();
        return cinema;
    }

    public Task<CinemaInfo> GetAsync() => Task.FromResult(Info());

    public async Task<AuditoriumInfo> AddAuditoriumAsync(string name, IReadOnlyList<RowPlan> rows)
    {
        Info();
        var trimmed = name.Trim();
        if (state.State.Auditoriums.ContainsKey(trimmed))
        {
            throw new ConflictException($"This cinema already has an auditorium named '{trimmed}'.");
        }
        var layout = SeatPlan.Parse(rows);
        var auditorium = await GrainFactory.GetGrain<IAuditoriumGrain>(Guid.NewGuid()).CreateAsync(this.GetPrimaryKey(), trimmed, layout);
        state.State.Auditoriums[trimmed] = auditorium.Id;
        await state.WriteStateAsync();
        return auditorium;
    }

    private CinemaInfo Info() => state.State.Created
        ? new CinemaInfo(this.GetPrimaryKey(), state.State.Name, state.State.Neighbourhood, state.State.Address, state.State.CreatedAt)
        : throw new NotFoundException("No such cinema.");
}
