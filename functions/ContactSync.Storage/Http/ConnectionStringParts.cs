namespace ContactSync.Storage;

/// <summary>The <c>Key=Value;</c> pairs of a storage connection string, keys case-insensitive.</summary>
internal sealed class ConnectionStringParts(Dictionary<string, string> values)
{
    public static ConnectionStringParts Parse(string connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new ArgumentException("The storage connection string is empty.", nameof(connectionString));
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = part.IndexOf('=');
            if (eq <= 0)
            {
                // Never echo the segment: it could be a key pasted without its name.
                throw new ArgumentException("The storage connection string has a segment that is not Name=Value.", nameof(connectionString));
            }
            values[part[..eq].Trim()] = part[(eq + 1)..].Trim();
        }
        return new(values);
    }

    public string? Get(string name) => values.TryGetValue(name, out var v) && v.Length > 0 ? v : null;

    public bool Flag(string name) => string.Equals(Get(name), "true", StringComparison.OrdinalIgnoreCase);

    public Uri? Endpoint(string name)
    {
        var text = Get(name);
        if (text is null) return null;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            throw new ArgumentException($"{name} is not an absolute http(s) URI: '{text}'.", "connectionString");
        return uri;
    }
}
