using System.Text.Json.Nodes;

namespace ContactSync.DevHost.Config;

/// <summary>One function: its folder name and the bindings of its function.json, with <c>%SETTING%</c> resolved.</summary>
public sealed record FunctionDefinition(string Name, IReadOnlyList<Binding> Bindings)
{
    public Binding Trigger => Bindings.Single(b => b.Type.EndsWith("Trigger", StringComparison.OrdinalIgnoreCase));

    /// <summary>Exactly one httpTrigger and one http output: the only shape the host forwards as a raw request.</summary>
    public bool IsHttpOnly => Bindings.Count == 2 && Bindings.Any(b => b.Type == "httpTrigger") && Bindings.Any(b => b.Type == "http");

    public IEnumerable<Binding> Outputs => Bindings.Where(b => b.Direction == "out");

    /// <summary>Every <c>*/function.json</c> under <paramref name="directory"/>; the folder name is the function name.</summary>
    public static IReadOnlyList<FunctionDefinition> LoadAll(string directory, AppSettings settings) =>
        Directory.GetDirectories(directory)
            .Where(d => File.Exists(Path.Combine(d, "function.json")))
            .Order(StringComparer.Ordinal)
            .Select(d => Load(Path.Combine(d, "function.json"), settings))
            .Where(f => f is not null)
            .Select(f => f!)
            .ToList();

    private static FunctionDefinition? Load(string path, AppSettings settings)
    {
        var name = Path.GetFileName(Path.GetDirectoryName(path))!;
        var root = JsonNode.Parse(File.ReadAllText(path))?.AsObject() ?? throw new InvalidDataException($"{path} is empty");
        if ((bool?)root["disabled"] == true) return null;
        var bindings = root["bindings"]?.AsArray() ?? throw new InvalidDataException($"{path} has no bindings");
        return new FunctionDefinition(name, bindings.Select(b => Binding.From(b!.AsObject(), name, settings)).ToList());
    }
}

/// <summary>A binding; string properties have their <c>%SETTING%</c> tokens resolved.</summary>
public sealed record Binding(string Type, string Direction, string Name, IReadOnlyDictionary<string, JsonNode?> Properties)
{
    public string? this[string property] =>
        Properties.TryGetValue(property, out var v) && v is JsonValue value && value.TryGetValue<string>(out var s) ? s : null;

    public static Binding From(JsonObject o, string function, AppSettings settings)
    {
        var props = new Dictionary<string, JsonNode?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in o)
            props[key] = value is JsonValue v && v.TryGetValue<string>(out var s)
                ? JsonValue.Create(settings.Resolve(s, $"function {function}, binding property '{key}'"))
                : value?.DeepClone();
        return new Binding((string?)o["type"] ?? "", ((string?)o["direction"] ?? "in").ToLowerInvariant(),
            (string?)o["name"] ?? "", props);
    }
}
