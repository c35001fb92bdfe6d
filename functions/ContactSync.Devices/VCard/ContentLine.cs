namespace ContactSync.Devices.VCard;

/// <summary>One unfolded content line: <c>[group.]NAME;PARAM=a,b;...:value</c>. <see cref="Types"/> gathers TYPE values
/// (and vCard 2.1's bare parameters such as <c>TEL;CELL</c>) lower-cased.</summary>
public sealed record ContentLine(string Name, IReadOnlyList<KeyValuePair<string, string>> Parameters, string Value, string Raw)
{
    public IReadOnlySet<string> Types { get; } = Parameters
        .Where(p => p.Key == "TYPE")
        .SelectMany(p => p.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        .Select(t => t.ToLowerInvariant()).ToHashSet();

    public static ContentLine? Parse(string raw)
    {
        var colon = -1;
        var quoted = false;
        for (var i = 0; i < raw.Length && colon < 0; i++)
        {
            if (raw[i] == '"') quoted = !quoted;
            else if (raw[i] == ':' && !quoted) colon = i;
        }
        if (colon <= 0) return null;
        var head = SplitParams(raw[..colon]);
        var name = head[0];
        var dot = name.LastIndexOf('.');
        if (dot >= 0) name = name[(dot + 1)..];
        var parameters = head.Skip(1).Select(p =>
        {
            var eq = p.IndexOf('=');
            return eq < 0
                ? new KeyValuePair<string, string>("TYPE", p)
                : new KeyValuePair<string, string>(p[..eq].ToUpperInvariant(), p[(eq + 1)..].Trim('"'));
        }).ToList();
        return new ContentLine(name.ToUpperInvariant(), parameters, raw[(colon + 1)..], raw);
    }

    static List<string> SplitParams(string head)
    {
        var parts = new List<string>();
        var quoted = false;
        var start = 0;
        for (var i = 0; i < head.Length; i++)
        {
            if (head[i] == '"') quoted = !quoted;
            else if (head[i] == ';' && !quoted) { parts.Add(head[start..i]); start = i + 1; }
        }
        parts.Add(head[start..]);
        return parts;
    }
}
