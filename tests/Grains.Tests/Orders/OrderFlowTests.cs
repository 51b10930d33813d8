using Marquee.Cinema;
using Marquee.Common;
using Marquee.Orders;

namespace Marquee.Grains.Tests.Orders;

/// <summary>The order lifecycle, transition by transition, without a cluster: state in, next action out; outcome in, new state out.</summary>
public sealed class OrderFlowTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 19, 0, 0, TimeSpan.Zero);

    private static OrderState Order(OrderStatus status = OrderStatus.Pending, OrderStep step = OrderStep.Created, PaymentOutcome? payment = null) => new()
    {
        Exists = true,
        Status = status,
        Step = step,
        Payment = payment,
        Tickets = [new OrderTicket("F7", SeatKind.Standard, TicketType.Full, 3000, Code: null), new OrderTicket("F8", SeatKind.Standard, TicketType.Half, 1500, Code: null)],
        CreatedAt = Now.AddMinutes(-1),
        UpdatedAt = Now.AddMinutes(-1),
        IndexedAt = Now.AddMinutes(-1),
    };

    [Theory]
    [InlineData(OrderStep.Created, null, OrderAction.ReserveStock)]
    [InlineData(OrderStep.StockReserved, null, OrderAction.Charge)]
    [InlineData(OrderStep.Charged, PaymentOutcome.Approved, OrderAction.Settle)]
    [InlineData(OrderStep.Charged, PaymentOutcome.Declined, OrderAction.Refuse)]
    public void APendingOrderIsMovedOnStepByStep(OrderStep step, PaymentOutcome? payment, OrderAction next) =>
        Assert.Equal(next, OrderFlow.Next(Order(step: step, payment: payment)));

    [Theory]
    [InlineData(OrderStatus.Approved)]
    [InlineData(OrderStatus.Refused)]
    [InlineData(OrderStatus.Failed)]
    [InlineData(OrderStatus.Cancelled)]
    [InlineData(OrderStatus.Refunded)]
    public void AnOrderThatIsNotPendingHasNothingToDo(OrderStatus status) =>
        Assert.Equal(OrderAction.None, OrderFlow.Next(Order(status, OrderStep.StockReserved)));

    [Fact]
    public void NoOrderHasNothingToDo() => Assert.Equal(OrderAction.None, OrderFlow.Next(new OrderState()));

    [Fact]
    public void ReservedStockLeadsToTheCharge()
    {
        var order = Order();
        OrderFlow.StockReserved(order, Now);
        Assert.Equal((OrderStep.StockReserved, Now, OrderAction.Charge), (order.Step, order.UpdatedAt, OrderFlow.Next(order)));
    }

    [Fact]
    public void ASoldOutProductRefusesTheOrderNamingIt()
    {
        var order = Order();
        OrderFlow.SoldOut(order, "Pipoca grande", Now);
        Assert.Equal((OrderStatus.Refused, OrderStep.Settled, "Pipoca grande is sold out"), (order.Status, order.Step, order.Failure));
    }

    [Theory]
    [InlineData(PaymentOutcome.Approved, OrderAction.Settle)]
    [InlineData(PaymentOutcome.Declined, OrderAction.Refuse)]
    public void TheChargesOutcomeDecidesTheLastStep(PaymentOutcome outcome, OrderAction next)
    {
        var order = Order(step: OrderStep.StockReserved);
        OrderFlow.Charged(order, outcome, Now);
        Assert.Equal((OrderStep.Charged, outcome, next), (order.Step, order.Payment, OrderFlow.Next(order)));
    }

    [Fact]
    public void AnUnavailableProviderDeadLettersTheOrderWhereItStopped()
    {
        var order = Order(step: OrderStep.StockReserved);
        OrderFlow.ProviderUnavailable(order, Now);
        Assert.Equal((OrderStatus.Failed, true, OrderStep.StockReserved), (order.Status, order.DeadLettered, order.Step));
        Assert.Equal(OrderAction.None, OrderFlow.Next(order));
    }

    [Fact]
    public void AnApprovedOrderIssuesACodePerTicketAndKeepsCodesItHas()
    {
        var order = Order(step: OrderStep.Charged, payment: PaymentOutcome.Approved);
        order.Tickets[0] = order.Tickets[0] with { Code = "KEPT" };
        var codes = new Queue<string>(["NEW-1", "NEW-2"]);
        OrderFlow.Approved(order, codes.Dequeue, Now);
        Assert.Equal((OrderStatus.Approved, OrderStep.Settled, (string?)null), (order.Status, order.Step, order.Failure));
        Assert.Equal(["KEPT", "NEW-1"], order.Tickets.Select(ticket => ticket.Code));
    }

    [Fact]
    public void SeatsLostBeforeTheChargeRefuseTheOrderUncharged()
    {
        var order = Order(step: OrderStep.StockReserved);
        OrderFlow.SeatsLostBeforeCharge(order, Now);
        Assert.Equal((OrderStatus.Refused, (PaymentOutcome?)null), (order.Status, order.Payment));
        Assert.Contains("nothing was charged", order.Failure);
        Assert.Throws<InvalidOperationException>(() => OrderFlow.SeatsLostBeforeCharge(Order(step: OrderStep.Charged, payment: PaymentOutcome.Approved), Now));
    }

    [Fact]
    public void SeatsLostWhileTheChargeRanRefuseAPaidOrderAndSaySoRefunded()
    {
        var order = Order(step: OrderStep.Charged, payment: PaymentOutcome.Approved);
        OrderFlow.SeatsLostBeforeSettling(order, Now);
        Assert.Equal(OrderStatus.Refused, order.Status);
        Assert.Contains("the charge was refunded", order.Failure);
    }

    [Fact]
    public void ADeclinedChargeRefusesTheOrder()
    {
        var order = Order(step: OrderStep.Charged, payment: PaymentOutcome.Declined);
        OrderFlow.Declined(order, Now);
        Assert.Equal((OrderStatus.Refused, "The payment was declined."), (order.Status, order.Failure));
    }

    [Fact]
    public void AnOutcomeOutOfTurnIsAProgrammingErrorAndChangesNothing()
    {
        var order = Order(step: OrderStep.Created);
        Assert.Throws<InvalidOperationException>(() => OrderFlow.Charged(order, PaymentOutcome.Approved, Now));
        Assert.Throws<InvalidOperationException>(() => OrderFlow.Approved(order, () => "X", Now));
        Assert.Throws<InvalidOperationException>(() => OrderFlow.Declined(Order(step: OrderStep.Charged, payment: PaymentOutcome.Approved), Now));
        Assert.Throws<InvalidOperationException>(() => OrderFlow.StockReserved(Order(OrderStatus.Cancelled), Now));
        Assert.Equal((OrderStatus.Pending, OrderStep.Created, (PaymentOutcome?)null), (order.Status, order.Step, order.Payment));
    }

    [Theory]
    [InlineData(OrderStatus.Pending, OrderStep.Created, Undo.Proceed)]
    [InlineData(OrderStatus.Pending, OrderStep.StockReserved, Undo.Proceed)]
    [InlineData(OrderStatus.Failed, OrderStep.StockReserved, Undo.Proceed)]
    [InlineData(OrderStatus.Cancelled, OrderStep.Settled, Undo.AlreadyDone)]
    public void AnOwnerCancelsBeforeTheChargeOrAfterAFailure(OrderStatus status, OrderStep step, Undo expected)
    {
        var order = Order(status, step);
        Assert.Equal(expected, OrderFlow.CanCancel(order));
        if (expected == Undo.Proceed)
        {
            OrderFlow.Cancelled(order, Now);
            Assert.Equal((OrderStatus.Cancelled, false), (order.Status, order.DeadLettered));
        }
    }

    [Theory]
    [InlineData(OrderStatus.Pending, OrderStep.Charged)]
    [InlineData(OrderStatus.Approved, OrderStep.Settled)]
    [InlineData(OrderStatus.Refused, OrderStep.Settled)]
    [InlineData(OrderStatus.Refunded, OrderStep.Settled)]
    public void OnceTheProviderMayHaveChargedOnlyARefundUndoesIt(OrderStatus status, OrderStep step) =>
        Assert.Throws<ConflictException>(() => OrderFlow.CanCancel(Order(status, step)));

    [Fact]
    public void AManagerRefundsAnApprovedOrderOnce()
    {
        var order = Order(OrderStatus.Approved, OrderStep.Settled);
        Assert.Equal(Undo.Proceed, OrderFlow.CanRefund(order));
        OrderFlow.Refunded(order, Now);
        Assert.Equal(OrderStatus.Refunded, order.Status);
        Assert.Equal(Undo.AlreadyDone, OrderFlow.CanRefund(order));
        Assert.Throws<ConflictException>(() => OrderFlow.CanRefund(Order(OrderStatus.Pending, OrderStep.Charged)));
        Assert.Throws<InvalidOperationException>(() => OrderFlow.Refunded(Order(OrderStatus.Refunded, OrderStep.Settled), Now));
    }

    [Fact]
    public void ARetriedDeadLetterIsPendingAgainWhereItStopped()
    {
        var order = Order(step: OrderStep.StockReserved);
        OrderFlow.ProviderUnavailable(order, Now.AddMinutes(-5));
        OrderFlow.Retried(order, Now);
        Assert.Equal((OrderStatus.Pending, false, (string?)null, OrderAction.Charge), (order.Status, order.DeadLettered, order.Failure, OrderFlow.Next(order)));
        Assert.Throws<ConflictException>(() => OrderFlow.Retried(Order(OrderStatus.Approved, OrderStep.Settled), Now));
    }

    [Fact]
    public void WorkIsOwedWhilePendingOrUnlistedAndMailWhileTheFinalStatusWasNotMailed()
    {
        var pending = Order();
        Assert.True(OrderFlow.NeedsProcessing(pending));

        var unlisted = Order(OrderStatus.Cancelled, OrderStep.Settled);
        unlisted.UpdatedAt = Now;
        Assert.True(OrderFlow.NeedsProcessing(unlisted));
        Assert.False(OrderFlow.MailOwed(unlisted));

        var approved = Order(OrderStatus.Approved, OrderStep.Settled);
        Assert.False(OrderFlow.NeedsProcessing(approved));
        Assert.True(OrderFlow.MailOwed(approved));
        Assert.True(OrderFlow.NeedsWork(approved));
        approved.MailedFor = OrderStatus.Approved;
        Assert.False(OrderFlow.NeedsWork(approved));

        // A refund owes its own mail even though the approval's went out.
        approved.Status = OrderStatus.Refunded;
        Assert.True(OrderFlow.MailOwed(approved));
        Assert.False(OrderFlow.MailOwed(Order(OrderStatus.Failed, OrderStep.StockReserved)));
    }
}
