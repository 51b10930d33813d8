using Marquee.Common;

namespace Marquee.Orders;

/// <summary>What the order grain does next to move a pending order on.</summary>
public enum OrderAction
{
    /// <summary>Nothing: the order is settled, failed, or waiting for nobody.</summary>
    None = 0,
    ReserveStock = 1,
    Charge = 2,
    /// <summary>The charge was approved: sell the held seats, commit the stock, issue the tickets.</summary>
    Settle = 3,
    /// <summary>The charge was declined: give seats and stock back.</summary>
    Refuse = 4,
}

/// <summary>What an owner's cancel or a manager's refund comes to, before the grain gives anything back.</summary>
public enum Undo
{
    /// <summary>It already happened: answer the order as it is.</summary>
    AlreadyDone = 0,
    Proceed = 1,
}

/// <summary>
/// The order lifecycle as one state machine, apart from the grain that carries it out. From the state
/// it says the next action (<see cref="Next"/>); from an action's outcome it makes the new state;
/// every transition checks, here and only here, that the order is where that outcome can happen.
/// The grain performs the effects (stock rows, the charge, the seats) and persists what this decides.
/// </summary>
/// <remarks>
/// Pending: Created → StockReserved → Charged → settled as Approved, or Refused (sold out, declined,
/// seats let go before the charge or while it ran); Failed when the provider stayed unavailable (dead-lettered: an
/// admin's retry makes it Pending again where it stopped); Cancelled by its owner before the charge
/// or after a failure; Refunded by a manager once Approved.
/// </remarks>
public static class OrderFlow
{
    public static OrderAction Next(OrderState order) => order switch
    {
        { Exists: true, Status: OrderStatus.Pending, Step: OrderStep.Created } => OrderAction.ReserveStock,
        { Exists: true, Status: OrderStatus.Pending, Step: OrderStep.StockReserved } => OrderAction.Charge,
        { Exists: true, Status: OrderStatus.Pending, Step: OrderStep.Charged, Payment: PaymentOutcome.Approved } => OrderAction.Settle,
        { Exists: true, Status: OrderStatus.Pending, Step: OrderStep.Charged } => OrderAction.Refuse,
        _ => OrderAction.None,
    };

    public static void StockReserved(OrderState order, DateTimeOffset now)
    {
        Expect(order, OrderAction.ReserveStock);
        order.Step = OrderStep.StockReserved;
        order.UpdatedAt = now;
    }

    public static void SoldOut(OrderState order, string product, DateTimeOffset now)
    {
        Expect(order, OrderAction.ReserveStock);
        Finish(order, OrderStatus.Refused, $"{product} is sold out", now);
    }

    /// <summary>The seats were let go before the charge (the hold ran out, or sales closed): refused, nothing charged.</summary>
    public static void SeatsLostBeforeCharge(OrderState order, DateTimeOffset now)
    {
        Expect(order, OrderAction.Charge);
        Finish(order, OrderStatus.Refused, "The seats were released before the payment was made; nothing was charged.", now);
    }

    public static void Charged(OrderState order, PaymentOutcome outcome, DateTimeOffset now)
    {
        Expect(order, OrderAction.Charge);
        order.Payment = outcome;
        order.Step = OrderStep.Charged;
        order.UpdatedAt = now;
    }

    /// <summary>The provider stayed unavailable: seats and stock stay with the order, an admin decides.</summary>
    public static void ProviderUnavailable(OrderState order, DateTimeOffset now)
    {
        Expect(order, OrderAction.Charge);
        Finish(order, OrderStatus.Failed, "The payment provider was unavailable after every retry.", now);
        order.DeadLettered = true;
    }

    public static void Approved(OrderState order, Func<string> newTicketCode, DateTimeOffset now)
    {
        Expect(order, OrderAction.Settle);
        order.Tickets = order.Tickets.Select(ticket => ticket with { Code = ticket.Code ?? newTicketCode() }).ToList();
        Finish(order, OrderStatus.Approved, failure: null, now);
    }

    /// <summary>Paid, but the seats were let go while the charge ran: the charge is refunded and the order refused.</summary>
    public static void SeatsLostBeforeSettling(OrderState order, DateTimeOffset now)
    {
        Expect(order, OrderAction.Settle);
        Finish(order, OrderStatus.Refused, "The seats were released while the payment ran; the charge was refunded.", now);
    }

    public static void Declined(OrderState order, DateTimeOffset now)
    {
        Expect(order, OrderAction.Refuse);
        Finish(order, OrderStatus.Refused, "The payment was declined.", now);
    }

    /// <summary>The owner may cancel until the provider may have charged, or after a failure; then the seats and stock go back.</summary>
    public static Undo CanCancel(OrderState order) => order.Status switch
    {
        OrderStatus.Cancelled => Undo.AlreadyDone,
        OrderStatus.Pending when order.Step < OrderStep.Charged => Undo.Proceed,
        OrderStatus.Failed => Undo.Proceed,
        _ => throw new ConflictException($"The order is {order.Status}; only a pending order can be cancelled."),
    };

    public static void Cancelled(OrderState order, DateTimeOffset now)
    {
        if (CanCancel(order) != Undo.Proceed)
        {
            throw Illegal(order, "cancelled");
        }
        Finish(order, OrderStatus.Cancelled, failure: null, now);
    }

    public static Undo CanRefund(OrderState order) => order.Status switch
    {
        OrderStatus.Refunded => Undo.AlreadyDone,
        OrderStatus.Approved => Undo.Proceed,
        _ => throw new ConflictException($"The order is {order.Status}; only an approved order can be refunded."),
    };

    public static void Refunded(OrderState order, DateTimeOffset now)
    {
        if (CanRefund(order) != Undo.Proceed)
        {
            throw Illegal(order, "refunded");
        }
        Finish(order, OrderStatus.Refunded, failure: null, now);
    }

    /// <summary>An admin's retry of a dead letter: Pending again, from the step where it stopped.</summary>
    public static void Retried(OrderState order, DateTimeOffset now)
    {
        if (!order.DeadLettered)
        {
            throw new ConflictException("Only a dead-lettered order can be retried.");
        }
        order.Status = OrderStatus.Pending;
        order.DeadLettered = false;
        order.Failure = null;
        order.UpdatedAt = now;
    }

    /// <summary>Work the processing timer keeps retrying: the payment flow, and the read model catching up.</summary>
    public static bool NeedsProcessing(OrderState order) => order.Status == OrderStatus.Pending || order.IndexedAt != order.UpdatedAt;

    /// <summary>The final status's mail, once per status that has one (Approved, Refused, Refunded).</summary>
    public static bool MailOwed(OrderState order) =>
        order.Status is OrderStatus.Approved or OrderStatus.Refused or OrderStatus.Refunded && order.MailedFor != order.Status;

    /// <summary>Everything still owed, the mail included (that one is left to the reminder).</summary>
    public static bool NeedsWork(OrderState order) => NeedsProcessing(order) || MailOwed(order);

    private static void Finish(OrderState order, OrderStatus status, string? failure, DateTimeOffset now)
    {
        order.Status = status;
        order.Failure = failure;
        if (status != OrderStatus.Failed)
        {
            order.DeadLettered = false;
            order.Step = OrderStep.Settled;
        }
        order.UpdatedAt = now;
    }

    private static void Expect(OrderState order, OrderAction action)
    {
        if (Next(order) != action)
        {
            throw Illegal(order, $"moved by an outcome of {action}");
        }
    }

    private static InvalidOperationException Illegal(OrderState order, string what) =>
        new($"An order {order.Status} at step {order.Step} cannot be {what}.");
}
