using System.Globalization;

namespace ContactSync.Storage;

/// <summary>Builds OData <c>$filter</c> expressions with correctly formatted literals: strings with doubled quotes,
/// <c>123L</c> for Int64, <c>datetime'…'</c>, <c>guid'…'</c>, <c>X'…'</c> for binary.</summary>
public static class TableFilter
{
    public static string Eq(string property, object value) => Compare(property, "eq", value);
    public static string Ne(string property, object value) => Compare(property, "ne", value);
    public static string Gt(string property, object value) => Compare(property, "gt", value);
    public static string Ge(string property, object value) => Compare(property, "ge", value);
    public static string Lt(string property, object value) => Compare(property, "lt", value);
    public static string Le(string property, object value) => Compare(property, "le", value);

    public static string And(params string[] filters) => Join("and", filters);
    public static string Or(params string[] filters) => Join("or", filters);

    /// <summary>Every string value of <paramref name="property"/> that starts with <paramref name="prefix"/>.</summary>
    public static string StartsWith(string property, string prefix) =>
        prefix.Length == 0
            ? Ge(property, "")
            : And(Ge(property, prefix), Lt(property, prefix[..^1] + (char)(prefix[^1] + 1)));

    /// <summary>The filter for one partition: <c>PartitionKey eq '…'</c>.</summary>
    public static string Partition(string partitionKey) => Eq("PartitionKey", partitionKey);

    public static string Compare(string property, string op, object value)
    {
        if (op is not ("eq" or "ne" or "gt" or "ge" or "lt" or "le"))
            throw new ArgumentException($"'{op}' is not an OData comparison operator.", nameof(op));
        if (TableRules.PropertyNameProblem(property) is { } problem && property is not ("PartitionKey" or "RowKey" or "Timestamp"))
            throw new ArgumentException(problem, nameof(property));
        return $"{property} {op} {Literal(value)}";
    }

    public static string Literal(object value) => value switch
    {
        string s => "'" + s.Replace("'", "''") + "'",
        bool b => b ? "true" : "false",
        int i => i.ToString(CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture) + "L",
        double d => EntityJson.FormatDouble(d),
        DateTimeOffset t => $"datetime'{EntityJson.FormatDate(t)}'",
        DateTime t => $"datetime'{EntityJson.FormatDate(EntityJson.AsUtc(t))}'",
        Guid g => $"guid'{g:D}'",
        byte[] bytes => $"X'{Convert.ToHexString(bytes).ToLowerInvariant()}'",
        null => throw new ArgumentNullException(nameof(value), "OData filters cannot compare with null."),
        _ => throw new ArgumentException($"No OData literal for {value.GetType().Name}.", nameof(value)),
    };

    private static string Join(string op, string[] filters)
    {
        var parts = filters.Where(f => !string.IsNullOrWhiteSpace(f)).ToArray();
        return parts.Length switch
        {
            0 => throw new ArgumentException("At least one filter is needed.", nameof(filters)),
            1 => parts[0],
            _ => string.Join($" {op} ", parts.Select(p => $"({p})")),
        };
    }
}
