using Marquee.Orders;

namespace Marquee.Grains.Tests.Orders;

public sealed class OrderStatusColumnTests
{
    [Fact]
    public void EveryStatusHasOneSpellingInSqlAndReadsBack()
    {
        foreach (var status in Enum.GetValues<OrderStatus>())
        {
            Assert.Equal(status, OrderStatusColumn.Parse(OrderStatusColumn.Of(status)));
        }
        Assert.Equal(Enum.GetValues<OrderStatus>().Length, Enum.GetValues<OrderStatus>().Select(OrderStatusColumn.Of).Distinct().Count());
        Assert.Throws<FormatException>(() => OrderStatusColumn.Parse("approved"));
    }
}
