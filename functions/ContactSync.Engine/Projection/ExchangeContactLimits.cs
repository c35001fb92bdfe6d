using ContactSync.Engine.Items;
using ContactSync.Engine.Normalisation;

namespace ContactSync.Engine.Projection;

/// <summary>What a Graph v1.0 contact can hold (FACTS.md §7; the limits are Exchange's 400 ErrorInvalidProperty caps,
/// not in Graph's docs), and the wording of the warning for each value left out.</summary>
public static class ExchangeContactLimits
{
    /// <summary>List fields Exchange holds, with the most entries it takes. "mobilePhones" maps to Graph's single
    /// mobilePhone and "webPages" to businessHomePage.</summary>
    public static readonly IReadOnlyDictionary<string, int> Lists = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        [ContactFields.Emails] = 3, [ContactFields.BusinessPhones] = 2, [ContactFields.HomePhones] = 2,
        [ContactFields.MobilePhones] = 1, [ContactFields.WebPages] = 1, [ContactFields.Categories] = int.MaxValue,
    };

    /// <summary>Single-valued fields Exchange holds as they are.</summary>
    public static readonly IReadOnlySet<string> Scalars = new HashSet<string>(
        [.. ContactFields.Names, .. ContactFields.AddressFields, ContactFields.Birthday], StringComparer.Ordinal);

    /// <summary>Hub metadata, never sent and not worth a warning.</summary>
    public static readonly IReadOnlySet<string> HubOnly = new HashSet<string>([ContactFields.Classification], StringComparer.Ordinal);

    public static bool Holds(string field) => Scalars.Contains(field) || Lists.ContainsKey(field);

    /// <summary>How entries of a list compare: e-mails and categories ignoring case.</summary>
    public static Func<string, string> KeyOf(string field) => field switch
    {
        ContactFields.Emails => EmailAddresses.ComparisonKey,
        ContactFields.Categories => v => v.ToLowerInvariant(),
        _ => v => v,
    };

    public static string OverLimit(string field, int position, string value, int limit) =>
        $"{field}: {Ordinal(position)} {Noun(field)} {value} not sent: Exchange holds at most {limit}";

    public static IEnumerable<string> NotHeld(string field, FieldMap hub) => field switch
    {
        ContactFields.Notes => [$"{field}: '{Preview(hub[field]!)}' not sent: Exchange contacts get no notes"],
        _ when ContactFields.Lists.Contains(field) =>
            hub.List(field).Select(v => $"{field}: {v} not sent: Exchange has no field for {field}"),
        _ => [$"{field}: '{Preview(hub[field]!)}' not sent: Exchange has no field for {field}"],
    };

    private static string Noun(string field) => field switch
    {
        ContactFields.Emails => "address",
        ContactFields.WebPages => "page",
        ContactFields.Categories => "category",
        _ => "number",
    };

    private static string Ordinal(int n) => (n % 100 is 11 or 12 or 13 ? 0 : n % 10) switch
    {
        1 => $"{n}st", 2 => $"{n}nd", 3 => $"{n}rd", _ => $"{n}th",
    };

    private static string Preview(string v) => (v.Length <= 40 ? v : v[..40] + "…").Replace('\n', ' ');
}
