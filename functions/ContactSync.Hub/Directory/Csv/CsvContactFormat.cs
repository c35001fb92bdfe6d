using System.Text.RegularExpressions;
using ContactSync.Engine.Items;

namespace ContactSync.Hub.Directory.Csv;

/// <summary>A CSV layout of contacts: its header (in writing order) and which columns carry which FieldMap fields.
/// Reading accepts the columns in any order and ignores unknown ones.</summary>
public sealed partial class CsvContactFormat(string name, IReadOnlyList<string> headers, IReadOnlyList<CsvColumn> columns)
{
    public string Name { get; } = name;
    public IReadOnlyList<string> Headers { get; } = headers;
    public IReadOnlyList<CsvColumn> Columns { get; } = columns;

    // Entries of a list cell: ';' separates them, except the ";ext=" of a phone extension.
    [GeneratedRegex(@";(?!ext=)", RegexOptions.IgnoreCase)]
    private static partial Regex ListSplit();

    // Outlook writes "0/0/00" (or "00.00.0000") for an empty date.
    [GeneratedRegex(@"^[0\s./-]*$")]
    private static partial Regex EmptyDate();

    // An English (US) Outlook writes M/d/yyyy whatever the tenant's region.
    [GeneratedRegex(@"^(?<m>\d{1,2})/(?<d>\d{1,2})/(?<y>\d{4})$")]
    private static partial Regex MonthFirst();

    /// <summary>The layout a header row belongs to: Outlook's when it has Outlook's name or e-mail columns, the plain
    /// one when it has <c>displayName</c> or <c>email</c>; null otherwise.</summary>
    public static CsvContactFormat? Detect(IReadOnlyList<string> header)
    {
        bool Has(string h) => header.Any(x => string.Equals(x.Trim(), h, StringComparison.OrdinalIgnoreCase));
        if (Has("First Name") || Has("Last Name") || Has("E-mail Address")) return OutlookCsvFormat.Format;
        if (Has("displayName") || Has("email")) return PlainCsvFormat.Format;
        return null;
    }

    /// <summary>"outlook" or "plain" (the name an export request may ask for), else null.</summary>
    public static CsvContactFormat? ByName(string? name) => name?.ToLowerInvariant() switch
    {
        "outlook" => OutlookCsvFormat.Format,
        "plain" => PlainCsvFormat.Format,
        _ => null,
    };

    /// <summary>A reader for rows under <paramref name="header"/>: raw values, not yet normalised.</summary>
    public Func<IReadOnlyList<string>, FieldMap> Reader(IReadOnlyList<string> header)
    {
        var bound = Columns
            .Select(c => (Column: c, Index: IndexOf(header, c.Header)))
            .Where(b => b.Index >= 0)
            .GroupBy(b => b.Column.Field)
            .Select(g => (Field: g.Key, Indexes: g.OrderBy(b => b.Column.Slot).Select(b => b.Index).ToArray()))
            .ToList();
        return row =>
        {
            var map = FieldMap.Empty;
            foreach (var (field, indexes) in bound)
            {
                var cells = indexes.Where(i => i < row.Count).Select(i => row[i].Trim()).Where(v => v.Length > 0).ToList();
                if (IsList(field))
                    map = map.WithList(field, cells.SelectMany(c => ListSplit().Split(c)).Select(v => v.Trim()));
                else if (field == ContactFields.Birthday)
                    map = map.With(field, cells.Where(c => !EmptyDate().IsMatch(c)).Select(Unambiguous).FirstOrDefault());
                else
                    map = map.With(field, string.Join(", ", cells));
            }
            return map;
        };
    }

    /// <summary>One row in <see cref="Headers"/> order with every value of <paramref name="contact"/> this layout has a
    /// column for; list entries beyond the columns go into the last column of their field, joined by "; ".</summary>
    public string[] Write(FieldMap contact)
    {
        var row = new string[Headers.Count];
        foreach (var group in Columns.GroupBy(c => c.Field))
        {
            var slots = group.OrderBy(c => c.Slot).Select(c => IndexOf(Headers, c.Header)).Where(i => i >= 0).ToArray();
            if (slots.Length == 0) continue;
            if (!IsList(group.Key)) { row[slots[0]] = contact[group.Key] ?? ""; continue; }
            var entries = contact.List(group.Key);
            for (var s = 0; s < slots.Length && s < entries.Count; s++)
                row[slots[s]] = s == slots.Length - 1 ? string.Join("; ", entries.Skip(s)) : entries[s];
        }
        // Outlook has no display-name column: a contact known only by its display name keeps it as the first name.
        if (this == OutlookCsvFormat.Format && contact[ContactFields.GivenName] is null && contact[ContactFields.Surname] is null
            && contact[ContactFields.MiddleName] is null && IndexOf(Headers, "First Name") is var first and >= 0)
            row[first] = contact[ContactFields.DisplayName] ?? "";
        return [.. row.Select(v => v ?? "")];
    }

    /// <summary>A slashed date that can only be month-first (4/15/1980) as yyyy-MM-dd; anything else as it is, for the
    /// engine to read with the tenant's region.</summary>
    private static string Unambiguous(string date) =>
        MonthFirst().Match(date) is { Success: true } m && int.Parse(m.Groups["d"].Value) > 12 && int.Parse(m.Groups["m"].Value) <= 12
            ? $"{m.Groups["y"].Value}-{int.Parse(m.Groups["m"].Value):00}-{int.Parse(m.Groups["d"].Value):00}"
            : date;

    private static bool IsList(string field) => ContactFields.Lists.Contains(field);

    private static int IndexOf(IReadOnlyList<string> header, string name)
    {
        for (var i = 0; i < header.Count; i++)
            if (string.Equals(header[i].Trim(), name, StringComparison.OrdinalIgnoreCase)) return i;
        return -1;
    }
}
