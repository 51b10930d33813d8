using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Marquee.Testing;

namespace Marquee.Deploy.Tests;

/// <summary>What the rendered Kubernetes manifests must say for the silos and the API to run as designed.</summary>
public sealed partial class ManifestTests
{
    private static readonly IReadOnlyList<JsonObject> Rendered = Kustomize.Render("deploy/k8s");

    private static JsonObject SiloDeployment => Rendered.Named("Deployment", "marquee-silo");

    private static JsonObject ApiDeployment => Rendered.Named("Deployment", "marquee-api");

    private static JsonObject Container(JsonObject deployment) =>
        deployment["spec"]!["template"]!["spec"]!["containers"].Objects().Single();

    private static JsonObject Env(JsonObject container, string name) =>
        container["env"].Objects().Single(variable => (string?)variable["name"] == name);

    [Fact]
    public void EverythingLandsInTheMarqueeNamespace()
    {
        Assert.All(Rendered.Where(o => (string?)o["kind"] != "Namespace"),
            o => Assert.Equal("marquee", (string?)o["metadata"]!["namespace"]));
    }

    [Fact]
    public void SilosTakeTheirNameAndAddressFromTheDownwardApi()
    {
        var silo = Container(SiloDeployment);

        Assert.Equal("metadata.name", (string?)Env(silo, "POD_NAME")["valueFrom"]!["fieldRef"]!["fieldPath"]);
        Assert.Equal("status.podIP", (string?)Env(silo, "POD_IP")["valueFrom"]!["fieldRef"]!["fieldPath"]);
        Assert.Equal("$(POD_NAME)", (string?)Env(silo, "Silo__Name")["value"]);
        Assert.Equal("$(POD_IP)", (string?)Env(silo, "Silo__AdvertisedAddress")["value"]);
    }

    [Fact]
    public void SiloPodsCarryTheOrleansLabelsOfTheConfiguredCluster()
    {
        var labels = SiloDeployment["spec"]!["template"]!["metadata"]!["labels"]!;
        var config = Rendered.Named("ConfigMap", "marquee-config")["data"]!;

        Assert.Equal((string?)config["Orleans__ServiceId"], (string?)labels["orleans/serviceId"]);
        Assert.Equal((string?)config["Orleans__ClusterId"], (string?)labels["orleans/clusterId"]);
    }

    [Fact]
    public void EveryDeploymentHasStartupLivenessAndReadinessProbesAndLivenessNeverAsksTheDatabase()
    {
        foreach (var deployment in new[] { SiloDeployment, ApiDeployment })
        {
            var container = Container(deployment);
            Assert.Equal("/health/live", (string?)container["startupProbe"]!["httpGet"]!["path"]);
            Assert.Equal("/health/live", (string?)container["livenessProbe"]!["httpGet"]!["path"]);
            Assert.Equal("/health/ready", (string?)container["readinessProbe"]!["httpGet"]!["path"]);
        }
    }

    [Fact]
    public void NoContainerHasACpuLimitAndEveryOneRequestsCpuAndMemory()
    {
        var containers = Rendered.Where(o => (string?)o["kind"] == "Deployment").SelectMany(Containers).ToList();

        Assert.NotEmpty(containers);
        Assert.All(containers, container =>
        {
            Assert.Null(container["resources"]?["limits"]?["cpu"]);
            Assert.NotNull(container["resources"]!["requests"]!["cpu"]);
            Assert.NotNull(container["resources"]!["requests"]!["memory"]);
        });
    }

    [Fact]
    public void SiloGracePeriodOutlastsItsShutdownTimeout()
    {
        var grace = int.Parse((string)SiloDeployment["spec"]!["template"]!["spec"]!["terminationGracePeriodSeconds"]!, System.Globalization.CultureInfo.InvariantCulture);
        var shutdown = TimeSpan.Parse((string)Env(Container(SiloDeployment), "Silo__ShutdownTimeout")["value"]!, System.Globalization.CultureInfo.InvariantCulture);

        Assert.True(grace > shutdown.TotalSeconds + 5, $"grace {grace} s against a {shutdown.TotalSeconds} s shutdown");
    }

    [Fact]
    public void ADisruptionBudgetLetsOnlyOneSiloGoAtATime()
    {
        var budget = Rendered.Named("PodDisruptionBudget", "marquee-silo");

        Assert.Equal("1", (string?)budget["spec"]!["maxUnavailable"]);
        Assert.Equal("marquee-silo", (string?)budget["spec"]!["selector"]!["matchLabels"]!["app.kubernetes.io/name"]);
        Assert.Equal("marquee-silo", (string?)SiloDeployment["spec"]!["template"]!["metadata"]!["labels"]!["app.kubernetes.io/name"]);
    }

    [Fact]
    public void TheApiHasAServiceAndAnAutoscaler()
    {
        var service = Rendered.Named("Service", "marquee-api");
        var autoscaler = Rendered.Named("HorizontalPodAutoscaler", "marquee-api");
        var podLabels = ApiDeployment["spec"]!["template"]!["metadata"]!["labels"]!;

        Assert.All(service["spec"]!["selector"]!.AsObject(), selector => Assert.Equal((string?)selector.Value, (string?)podLabels[selector.Key]));
        Assert.Equal("http", (string?)service["spec"]!["ports"].Objects().Single()["targetPort"]);
        Assert.Equal("marquee-api", (string?)autoscaler["spec"]!["scaleTargetRef"]!["name"]);
        Assert.Equal("Deployment", (string?)autoscaler["spec"]!["scaleTargetRef"]!["kind"]);
    }

    [Fact]
    public void EverySecretAndConfigReferenceResolvesInTheRender()
    {
        var secret = Rendered.Named("Secret", "marquee-secrets");
        var keys = secret["stringData"]!.AsObject().Select(entry => entry.Key).ToHashSet();
        var containers = Rendered.Where(o => (string?)o["kind"] == "Deployment").SelectMany(Containers).ToList();

        var secretRefs = containers.SelectMany(c => c["env"].Objects())
            .Select(variable => variable["valueFrom"]?["secretKeyRef"]).OfType<JsonNode>().ToList();
        Assert.NotEmpty(secretRefs);
        Assert.All(secretRefs, reference =>
        {
            Assert.Equal("marquee-secrets", (string?)reference["name"]);
            Assert.Contains((string)reference["key"]!, keys);
        });
        var mountedKeys = Rendered.Where(o => (string?)o["kind"] == "Deployment")
            .SelectMany(d => d["spec"]!["template"]!["spec"]!["volumes"].Objects())
            .SelectMany(volume => volume["secret"]?["items"].Objects() ?? []).Select(item => (string)item["key"]!);
        Assert.All(mountedKeys, key => Assert.Contains(key, keys));
        Assert.All(containers.SelectMany(c => c["envFrom"].Objects()),
            source => Assert.Equal("marquee-config", (string?)source["configMapRef"]?["name"]));
    }

    [Fact]
    public void ContainerPortsAreTheOnesTheImagesExpose()
    {
        AssertPorts(SiloDeployment, "src/Silo/Dockerfile");
        AssertPorts(ApiDeployment, "src/Api/Dockerfile");
        AssertPorts(Rendered.Named("Deployment", "marquee-payments"), "src/PaymentSimulator/Dockerfile");
    }

    [Fact]
    public void TheForecastOverlayScalesTheSilosOnTheForecastGauge()
    {
        var overlay = Kustomize.Render("deploy/k8s-forecast-autoscaling");
        var scaler = overlay.Named("ScaledObject", "marquee-silo-forecast");
        var trigger = scaler["spec"]!["triggers"].Objects().Single();

        Assert.Equal("marquee-silo", (string?)scaler["spec"]!["scaleTargetRef"]!["name"]);
        Assert.Equal("prometheus", (string?)trigger["type"]);
        Assert.Contains("marquee_forecast_recommended_silos", (string?)trigger["metadata"]!["query"]);
        Assert.Equal("1", (string?)trigger["metadata"]!["threshold"]);
        Assert.Equal(Rendered.Count + 1, overlay.Count);
    }

    private static void AssertPorts(JsonObject deployment, string dockerfile)
    {
        var exposed = ExposeLine().Match(File.ReadAllText(Path.Combine(RepositoryRoot.Path, dockerfile))).Groups["ports"].Value
            .Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet();
        var declared = Container(deployment)["ports"].Objects().Select(port => (string)port["containerPort"]!).ToHashSet();

        Assert.NotEmpty(declared);
        Assert.Equal(exposed, declared);
    }

    private static IEnumerable<JsonObject> Containers(JsonObject deployment) =>
        deployment["spec"]!["template"]!["spec"]!["containers"].Objects();

    [GeneratedRegex(@"^EXPOSE (?<ports>[0-9 ]+)$", RegexOptions.Multiline)]
    private static partial Regex ExposeLine();
}
