using System.Security.Cryptography;
using Marquee.Cinema;
using Marquee.Common;
using Marquee.Concessions;
using Marquee.Identity;
using Marquee.Notifications;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace Marquee.Orders;

/// <summary>
/// One order. Create has <see cref="OrderPricing"/> price it and take the hold for it, and answers Pending; processing
/// runs on a grain timer right after, and on a reminder (and on reactivation) after a crash. What
/// comes next and what each outcome makes of the order is <see cref="OrderFlow"/>'s to say; this grain
/// carries the actions out (stock rows, the charge, the seats, mail, the read model). Every step is
/// persisted before the next, and every effect is idempotent per order (the order id is the
/// provider's idempotency key), so resuming repeats nothing in effect. A write storage refused leaves
/// memory ahead of storage, so the activation is dropped and the next call starts from what is durable.
/// </summary>
public sealed partial class OrderGrain(
    [PersistentState("order", StorageNames.Orders)] IPersistentState<OrderState> state,
    StockLedger stock,
    OrderPricing pricing,
    OrderReadModel readModel,
    IPaymentProvider payments,
    IMailer mailer,
    BusinessMetrics metrics,
    TimeProvider clock,
    ILogger<OrderGrain> logger) : Grain, IOrderGrain, IRemindable
{
    public const string Currency = "BRL";
    private const string ResumeReminder = "resume";

    /// <summary>How soon processing is tried again after a step failed (database or provider away).</summary>
    private static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(5);

    private IGrainTimer? _processing;
    private bool _reminderArmed;

    private OrderState Order => state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // A silo died mid-order: whoever wakes the grain (a status poll, the reminder) resumes it.
        if (Order.Exists && OrderFlow.NeedsWork(Order))
        {
            ScheduleProcessing();
        }
        return Task.CompletedTask;
    }

    public async Task<OrderInfo> CreateAsync(Guid userId, OrderRequest request, string requestFingerprint)
    {
        if (Order.Exists)
        {
            if (Order.UserId != userId || Order.Fingerprint != requestFingerprint)
            {
                throw new IdempotencyMismatchException();
            }
            // A replay may follow a create that was durable but failed after: make sure it progresses.
            if (OrderFlow.NeedsWork(Order))
            {
                await IndexAsync();
                ScheduleProcessing();
                await ArmResumeReminderAsync();
            }
            return Info();
        }
        var priced = await pricing.PriceAsync(this.GetPrimaryKey(), userId, request);

        var now = clock.GetUtcNow();
        Order.Exists = true;
        Order.UserId = userId;
        Order.Fingerprint = requestFingerprint;
        Order.Status = OrderStatus.Pending;
        Order.Step = OrderStep.Created;
        Order.Items = priced.Items;
        Order.Tickets = priced.Tickets;
        Order.AmountCents = priced.AmountCents;
        Order.ShowtimeId = priced.ShowtimeId;
        Order.HoldId = priced.HoldId;
        Order.MovieId = priced.MovieId;
        Order.CreatedAt = Order.UpdatedAt = now;
        await PersistAsync();
        // Processing starts even if what follows fails; the client's retry (same key) re-arms the rest.
        ScheduleProcessing();
        await IndexAsync();
        await ArmResumeReminderAsync();
        return Info();
    }

    public Task<OrderInfo> GetAsync() => Task.FromResult(Order.Exists ? Info() : throw new NotFoundException("No such order."));

    // Someone else's order answers exactly like an unknown one: no probing for which ids exist.
    public Task<OrderInfo> GetForAsync(Viewer viewer) =>
        Order.Exists && (viewer.IsSelfOrAdmin(Order.UserId) || viewer.IsStaff) ? GetAsync() : throw new NotFoundException("No such order.");

    public async Task ProcessAsync()
    {
        if (!Order.Exists)
        {
            return;
        }
        // A create that failed after its write may have left the order without its safety net.
        if (OrderFlow.NeedsWork(Order) && !_reminderArmed)
        {
            await ArmResumeReminderAsync();
        }
        if (Order.IndexedAt != Order.UpdatedAt)
        {
            await IndexAsync();
            await PersistAsync();
        }
        await AdvanceAsync();
        if (OrderFlow.MailOwed(Order))
        {
            await MailAsync();
        }
        if (!OrderFlow.NeedsWork(Order))
        {
            await StopReminderAsync();
        }
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        _reminderArmed = true;
        await ProcessAsync();
    }

    public async Task<OrderInfo> CancelAsync(Guid userId)
    {
        EnsureExists();
        if (Order.UserId != userId)
        {
            throw new NotFoundException("No such order.");
        }
        if (OrderFlow.CanCancel(Order) == Undo.AlreadyDone)
        {
            return Info();
        }
        await ReleaseEverythingAsync();
        OrderFlow.Cancelled(Order, clock.GetUtcNow());
        await FinishedAsync();
        await StopReminderAsync();
        return Info();
    }

    public async Task<OrderInfo> RefundAsync()
    {
        EnsureExists();
        if (OrderFlow.CanRefund(Order) == Undo.AlreadyDone)
        {
            return Info();
        }
        if (Order.AmountCents > 0)
        {
            try
            {
                await payments.RefundAsync(this.GetPrimaryKey());
            }
            catch (PaymentUnavailableException)
            {
                throw new TemporarilyUnavailableException("The payment provider is unavailable; retry the refund shortly.");
            }
        }
        if (Order.ShowtimeId is { } showtimeId)
        {
            await GrainFactory.GetGrain<IShowtimeSeatsGrain>(showtimeId).ReleaseOrderAsync(this.GetPrimaryKey());
        }
        await stock.ReturnAsync(this.GetPrimaryKey());
        OrderFlow.Refunded(Order, clock.GetUtcNow());
        await FinishedAsync();
        // The refund mail goes out off this call, retried by the reminder until it does.
        await ArmResumeReminderAsync();
        ScheduleProcessing();
        return Info();
    }

    public async Task<OrderInfo> RetryAsync()
    {
        EnsureExists();
        OrderFlow.Retried(Order, clock.GetUtcNow());
        await PersistAsync();
        await IndexAsync();
        await ArmResumeReminderAsync();
        await ProcessAsync();
        return Info();
    }

    /// <summary>Carries out <see cref="OrderFlow.Next"/> until the order is settled, failed, or an action throws (retried later).</summary>
    private async Task AdvanceAsync()
    {
        var orderId = this.GetPrimaryKey();
        while (OrderFlow.Next(Order) is var action and not OrderAction.None)
        {
            switch (action)
            {
                case OrderAction.ReserveStock:
                    if (await stock.ReserveAsync(orderId, Order.Items.Select(item => (item.ProductId, item.Quantity)).ToList()) is { } soldOut)
                    {
                        await ReleaseEverythingAsync();
                        OrderFlow.SoldOut(Order, Order.Items.First(item => item.ProductId == soldOut).Name, clock.GetUtcNow());
                        await FinishedAsync();
                        break;
                    }
                    OrderFlow.StockReserved(Order, clock.GetUtcNow());
                    await PersistAsync();
                    break;

                case OrderAction.Charge:
                    if (!await SeatsStillOursAsync(orderId))
                    {
                        await ReleaseEverythingAsync();
                        OrderFlow.SeatsLostBeforeCharge(Order, clock.GetUtcNow());
                        await FinishedAsync();
                        break;
                    }
                    PaymentOutcome outcome;
                    try
                    {
                        outcome = Order.AmountCents == 0 ? PaymentOutcome.Approved : await payments.ChargeAsync(orderId, Order.AmountCents, Currency);
                    }
                    catch (PaymentUnavailableException ex)
                    {
                        // Seats and stock stay with the order: an admin's retry continues from here, a cancel gives them back.
                        LogDeadLettered(ex, orderId);
                        OrderFlow.ProviderUnavailable(Order, clock.GetUtcNow());
                        await FinishedAsync();
                        break;
                    }
                    OrderFlow.Charged(Order, outcome, clock.GetUtcNow());
                    await PersistAsync();
                    break;

                case OrderAction.Settle:
                    await SettleAsync(orderId);
                    break;

                case OrderAction.Refuse:
                    await ReleaseEverythingAsync();
                    OrderFlow.Declined(Order, clock.GetUtcNow());
                    await FinishedAsync();
                    break;
            }
        }
    }

    private async Task<bool> SeatsStillOursAsync(Guid orderId) =>
        Order.ShowtimeId is not { } showtimeId || Order.HoldId is not { } holdId
        || await GrainFactory.GetGrain<IShowtimeSeatsGrain>(showtimeId).IsHeldForOrderAsync(holdId, orderId);

    private async Task SettleAsync(Guid orderId)
    {
        if (Order.ShowtimeId is { } showtimeId && Order.HoldId is { } holdId)
        {
            try
            {
                await GrainFactory.GetGrain<IShowtimeSeatsGrain>(showtimeId).ConfirmHoldAsync(Order.UserId, holdId, orderId);
            }
            catch (ConflictException)
            {
                await payments.RefundAsync(orderId);
                await ReleaseEverythingAsync();
                OrderFlow.SeatsLostBeforeSettling(Order, clock.GetUtcNow());
                await FinishedAsync();
                return;
            }
        }
        await stock.CommitAsync(orderId);
        OrderFlow.Approved(Order, NewTicketCode, clock.GetUtcNow());
        await FinishedAsync();
    }

    private async Task ReleaseEverythingAsync()
    {
        if (Order.ShowtimeId is { } showtimeId)
        {
            await GrainFactory.GetGrain<IShowtimeSeatsGrain>(showtimeId).ReleaseOrderAsync(this.GetPrimaryKey());
        }
        await stock.ReleaseAsync(this.GetPrimaryKey());
    }

    /// <summary>A status the flow settled on is durable before it is counted, listed or mailed.</summary>
    private async Task FinishedAsync()
    {
        await PersistAsync();
        metrics.OrderFinished(OrderStatusColumn.Of(Order.Status));
        await IndexAsync();
    }

    /// <summary>
    /// Writes the state under the shared rule (<see cref="StorageWrites"/>): a replayed create must never
    /// be told 201 for an order storage refused.
    /// </summary>
    private Task PersistAsync() => state.WriteOrDeactivateAsync(this);

    /// <summary>Sends the current status to the orders read model (listings, dead letters, offers, the forecast).</summary>
    private async Task IndexAsync()
    {
        await readModel.UpsertAsync(Info(), Order.MovieId);
        Order.IndexedAt = Order.UpdatedAt;
    }

    /// <summary>Sends the final status's mail; a mail server that is down leaves it for the reminder's next tick.</summary>
    private async Task MailAsync()
    {
        try
        {
            var profile = await GrainFactory.GetGrain<IUserGrain>(Order.UserId).GetProfileAsync();
            if (OrderMail.For(Info(), profile.Email, profile.DisplayName) is { } message)
            {
                await mailer.SendAsync(message);
            }
        }
        catch (NotFoundException)
        {
            // No account to write to (a service caller); nothing to send.
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogMailDeferred(ex, this.GetPrimaryKey());
            return;
        }
        Order.MailedFor = Order.Status;
        await PersistAsync();
    }

    /// <summary>Brings the order back every minute until it needs no more work, whichever silo it lives on.</summary>
    private async Task ArmResumeReminderAsync()
    {
        await this.RegisterOrUpdateReminder(ResumeReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        _reminderArmed = true;
    }

    /// <summary>
    /// Processes now, then every <see cref="RetryInterval"/> while a step keeps failing, so an order
    /// whose database or provider was away moves on as soon as they are back, reminder or not.
    /// </summary>
    private void ScheduleProcessing() =>
        _processing ??= this.RegisterGrainTimer(ProcessOnTimerAsync, new GrainTimerCreationOptions(TimeSpan.Zero, RetryInterval));

    private async Task ProcessOnTimerAsync(CancellationToken cancellationToken)
    {
        try
        {
            await ProcessAsync();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogProcessingDeferred(ex, this.GetPrimaryKey());
        }
        // Mail that could not go out is left to the minute reminder, not retried every few seconds.
        if (!OrderFlow.NeedsProcessing(Order))
        {
            _processing?.Dispose();
            _processing = null;
        }
    }

    private async Task StopReminderAsync()
    {
        if (await this.GetReminder(ResumeReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
        _reminderArmed = false;
    }

    private void EnsureExists()
    {
        if (!Order.Exists)
        {
            throw new NotFoundException("No such order.");
        }
    }

    /// <summary>96 random bits, as 24 hex digits in groups: unguessable, and readable at a cinema door.</summary>
    private static string NewTicketCode()
    {
        var hex = Convert.ToHexString(RandomNumberGenerator.GetBytes(12));
        return string.Join('-', Enumerable.Range(0, 6).Select(group => hex.Substring(group * 4, 4)));
    }

    private OrderInfo Info() => new(
        this.GetPrimaryKey(), Order.UserId, Order.Status, Order.AmountCents, Order.Items, Order.Tickets, Order.ShowtimeId,
        Order.CreatedAt, Order.UpdatedAt, Order.Failure, Order.DeadLettered);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {OrderId}: mail not sent yet; the reminder retries")]
    private partial void LogMailDeferred(Exception exception, Guid orderId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {OrderId}: processing failed; trying again shortly")]
    private partial void LogProcessingDeferred(Exception exception, Guid orderId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Order {OrderId} dead-lettered: the payment provider was unavailable")]
    private partial void LogDeadLettered(Exception exception, Guid orderId);
}
