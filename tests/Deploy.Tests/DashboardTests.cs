using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Marquee.Testing;

namespace Marquee.Deploy.Tests;

/// <summary>The Grafana dashboard of the business metrics queries only series Marquee exports.</summary>
public sealed partial class DashboardTests
{
    /// <summary>
    /// The Prometheus series of the Marquee meter (silos: holds, orders, payments, dead letters, forecast;
    /// API: live viewers), as `DocumentationAndTelemetryTests` scrapes them.
    /// </summary>
    private static readonly HashSet<string> Exported =
    [
        "marquee_holds_created_total", "marquee_holds_released_total", "marquee_holds_expired_total",
        "marquee_orders_finished_total",
        "marquee_payment_duration_seconds_bucket", "marquee_payment_duration_seconds_count", "marquee_payment_duration_seconds_sum",
        "marquee_dead_letters_waiting", "marquee_seatmap_viewers",
        "marquee_forecast_recommended_silos", "marquee_forecast_expected_seats_per_hour", "marquee_forecast_peak_requests_per_second",
    ];

    [Fact]
    public void TheBusinessDashboardQueriesOnlyExportedSeriesAndCoversEachMetric()
    {
        var dashboard = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "deploy", "grafana", "marquee-business.json")))!.AsObject();
        var expressions = dashboard["panels"]!.AsArray()
            .SelectMany(panel => panel!["targets"]!.AsArray().Select(target => (string)target!["expr"]!)).ToList();
        var used = expressions.SelectMany(expression => SeriesName().Matches(expression).Select(match => match.Value)).ToHashSet();

        Assert.Equal("marquee-business", (string?)dashboard["uid"]);
        Assert.Empty(used.Except(Exported));
        foreach (var metric in new[] { "holds_created", "holds_released", "holds_expired", "orders_finished", "payment_duration", "dead_letters", "seatmap_viewers" })
        {
            Assert.Contains(used, series => series.Contains(metric, StringComparison.Ordinal));
        }
    }

    [GeneratedRegex("marquee_[a-z_]+")]
    private static partial Regex SeriesName();
}
