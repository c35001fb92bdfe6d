namespace ContactSync.Hub.Validation;

/// <summary>Per-field validation errors, keyed by the field's JSON path ("contacts.interval", "groupIds[1]"), in the
/// shape RFC 9457 problem details carry them (<c>errors: { field: [messages] }</c>).</summary>
public sealed class ValidationErrors
{
    private readonly SortedDictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsValid => _errors.Count == 0;

    public IReadOnlyDictionary<string, string[]> Errors =>
        _errors.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);

    /// <summary>Adds a message; the message should name the field as the user wrote it.</summary>
    public ValidationErrors Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(message);
        return this;
    }

    public bool Has(string field) => _errors.ContainsKey(field);

    public static ValidationErrors Of(string field, string message) => new ValidationErrors().Add(field, message);

    public override string ToString() =>
        string.Join("; ", _errors.SelectMany(kv => kv.Value.Select(m => $"{kv.Key}: {m}")));
}
