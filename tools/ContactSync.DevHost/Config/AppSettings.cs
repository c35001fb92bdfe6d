using System.Collections;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ContactSync.DevHost.Config;

/// <summary>App settings as the host sees them: <c>Values</c> of local.settings.json (or, when that file is absent,
/// local.settings.sample.json), overridden by environment variables, overridden by explicit settings.</summary>
public sealed partial class AppSettings(IReadOnlyDictionary<string, string> values)
{
    public IReadOnlyDictionary<string, string> Values { get; } = values;

    /// <summary>A setting, or the environment variable of that name (a deployed layout has no local.settings.json).</summary>
    public string? this[string name] => Values.TryGetValue(name, out var v) ? v : Environment.GetEnvironmentVariable(name);

    public static AppSettings Load(string scriptRoot, IReadOnlyDictionary<string, string>? overrides, bool includeEnvironment = true)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var file = new[] { "local.settings.json", "local.settings.sample.json" }.Select(f => Path.Combine(scriptRoot, f)).FirstOrDefault(File.Exists);
        if (file is not null && JsonNode.Parse(File.ReadAllText(file))?["Values"] is JsonObject fileValues)
            foreach (var (k, v) in fileValues) values[k] = v?.ToString() ?? "";
        if (includeEnvironment)
            foreach (DictionaryEntry e in Environment.GetEnvironmentVariables())
                if (values.ContainsKey((string)e.Key)) values[(string)e.Key] = (string?)e.Value ?? "";
        foreach (var (k, v) in overrides ?? new Dictionary<string, string>()) values[k] = v;
        return new AppSettings(values);
    }

    /// <summary>Replaces each <c>%NAME%</c> with its setting; a missing one is an error naming it and where it was used.</summary>
    public string Resolve(string text, string usedBy) => Token().Replace(text, m =>
        this[m.Groups[1].Value] ?? throw new InvalidOperationException($"{usedBy} names %{m.Groups[1].Value}%, but no app setting {m.Groups[1].Value} exists"));

    [GeneratedRegex("%([A-Za-z0-9_.:-]+)%")]
    private static partial Regex Token();
}
