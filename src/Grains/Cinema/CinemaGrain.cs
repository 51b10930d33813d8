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
        state.State.Created = true;
        state.State.Name = cinema.Name;
        state.State.Neighbourhood = cinema.Neighbourhood;
        state.State.Address = cinema.Address;
        state.State.CreatedAt = cinema.CreatedAt;
        // The grain first, the listing second: a failure in between leaves a grain nobody knows the id
        // of, never a listed name that blocks the caller's retry.
        await state.WriteOrDeactivateAsync(this);
        try
        {
            // The read model's unique name index decides between two cinemas created with one name at once.
            await readModel.AddCinemaAsync(cinema);
        }
        catch (ConflictException)
        {
            await state.ClearStateAsync();
            throw;
        }
        return cinema;
    }

    public Task<CinemaInfo> GetAsync() => Task.FromResult(Info());

    public async Task<AuditoriumInfo> AddAuditoriumAsync(string name, IReadOnlyList<RowPlan> rows)
    {
        Info();
        var trimmed = name.Trim();
        var layout = SeatPlan.Parse(rows);
        if (state.State.Auditoriums.TryGetValue(trimmed, out var recorded))
        {
            // The name is ours already: the auditorium grain finishes a creation a failure interrupted,
            // answers the same auditorium for the same plan, and refuses another plan under this name.
            return await GrainFactory.GetGrain<IAuditoriumGrain>(recorded).CreateAsync(this.GetPrimaryKey(), trimmed, layout);
        }
        // The cinema records the name first, so no auditorium exists that the cinema does not know of.
        var id = Guid.NewGuid();
        state.State.Auditoriums[trimmed] = id;
        await state.WriteOrDeactivateAsync(this);
        return await GrainFactory.GetGrain<IAuditoriumGrain>(id).CreateAsync(this.GetPrimaryKey(), trimmed, layout);
    }

    private CinemaInfo Info() => state.State.Created
        ? new CinemaInfo(this.GetPrimaryKey(), state.State.Name, state.State.Neighbourhood, state.State.Address, state.State.CreatedAt)
        : throw new NotFoundException("No such cinema.");
}
