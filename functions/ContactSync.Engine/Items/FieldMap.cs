using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;

namespace ContactSync.Engine.Items;

/// <summary>
/// The engine's view of any item (contact, event, task): field name → value, ordered by name. A list field (e-mails,
/// phones of one kind, categories) is one value with its entries joined by '\n', so a three-way merge treats the list
/// as one field, as Exchange treats a multi-value property. An absent key and an empty value mean the same: no value.
/// Typed items (<c>Contact</c>, <c>CalendarEvent</c>, <c>TaskItem</c>) convert to and from this shape.
/// </summary>
public sealed class FieldMap : IEquatable<FieldMap>
{
    public const char ListSeparator = '\n';
    public static readonly FieldMap Empty = new(ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal));

    public ImmutableSortedDictionary<string, string> Values { get; }

    private FieldMap(ImmutableSortedDictionary<string, string> values) => Values = values;

    public static FieldMap From(IEnumerable<KeyValuePair<string, string?>> fields)
    {
        var b = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var (k, v) in fields)
            if (!string.IsNullOrEmpty(v)) b[k] = v;
        return new FieldMap(b.ToImmutable());
    }

    public string? this[string field] => Values.GetValueOrDefault(field);

    public IReadOnlyList<string> List(string field) =>
        Values.TryGetValue(field, out var v) ? v.Split(ListSeparator) : [];

    public FieldMap With(string field, string? value) =>
        string.IsNullOrEmpty(value) ? new(Values.Remove(field)) : new(Values.SetItem(field, value));

    public FieldMap WithList(string field, IEnumerable<string> values) =>
        With(field, string.Join(ListSeparator, values.Where(v => v.Length > 0)));

    /// <summary>Names of the fields whose values differ between the two maps.</summary>
    public static IReadOnlySet<string> ChangedFields(FieldMap a, FieldMap b)
    {
        var changed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (k, v) in a.Values)
            if (!b.Values.TryGetValue(k, out var w) || !string.Equals(v, w, StringComparison.Ordinal)) changed.Add(k);
        foreach (var k in b.Values.Keys)
            if (!a.Values.ContainsKey(k)) changed.Add(k);
        return changed;
    }

    /// <summary>A stable hash of the content: SHA-256 over the ordered fields, as lower-case hex (first 32 chars).</summary>
    public string ContentHash()
    {
        var sb = new StringBuilder();
        foreach (var (k, v) in Values) sb.Append(k).Append('\u001f').Append(v).Append('\u001e');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())))[..32];
    }

    public bool Equals(FieldMap? other) =>
        other is not null && Values.Count == other.Values.Count && ChangedFields(this, other).Count == 0;

    public override bool Equals(object? obj) => Equals(obj as FieldMap);
    public override int GetHashCode() => ContentHash().GetHashCode(StringComparison.Ordinal);
    public override string ToString() => string.Join("; ", Values.Select(kv => $"{kv.Key}={kv.Value.Replace('\n', '|')}"));
}
