using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ContactSync.Infra.Tests.Reading;

/// <summary>The Functions host's view of the app: every function.json in the sources and host.json files, with the
/// <c>%SETTING%</c> names they read and the queues they bind.</summary>
public static partial class FunctionDefinitions
{
    public static IReadOnlyList<string> FunctionJsonFiles() => Repo.SourceFiles("function.json").Order().ToList();

    public static IReadOnlyList<string> HostJsonFiles() => Repo.SourceFiles("host.json").Order().ToList();

    /// <summary>Names written as <c>%NAME%</c>: the host replaces them with app settings.</summary>
    public static IReadOnlySet<string> PercentSettings() =>
        FunctionJsonFiles().Concat(HostJsonFiles()).SelectMany(f => Percent().Matches(File.ReadAllText(f)))
            .Select(m => m.Groups["n"].Value).ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Every binding's <c>queueName</c>, as written (possibly <c>%SETTING%</c>).</summary>
    public static IEnumerable<(string File, string QueueName)> QueueBindings() =>
        FunctionJsonFiles().SelectMany(f => (JsonNode.Parse(File.ReadAllText(f))?["bindings"]?.AsArray() ?? [])
            .Select(b => b?["queueName"]?.GetValue<string>()).OfType<string>().Select(q => (f, q)));

    /// <summary>Each queue binding's <c>connection</c>; the host's default is <c>AzureWebJobsStorage</c>.</summary>
    public static IEnumerable<string> QueueConnections() =>
        FunctionJsonFiles().SelectMany(f => (JsonNode.Parse(File.ReadAllText(f))?["bindings"]?.AsArray() ?? [])
            .Where(b => b?["queueName"] is not null)
            .Select(b => b?["connection"]?.GetValue<string>() ?? "AzureWebJobsStorage")).Distinct();

    /// <summary>The value with every <c>%NAME%</c> replaced as the host does, by the app setting's value.</summary>
    public static string ExpandSettings(string value, Func<string, string> setting) =>
        Percent().Replace(value, m => setting(m.Groups["n"].Value));

    [GeneratedRegex(@"%(?<n>[A-Za-z_][A-Za-z0-9_]*)%")]
    private static partial Regex Percent();
}
