using ContactSync.Engine.Items;
using ContactSync.Engine.Normalisation;

namespace ContactSync.Engine.Projection;

/// <summary>
/// What an Exchange (Graph v1.0) contact can hold (M13, FACTS.md §7): at most 3 e-mails, 2 business phones, 2 home
/// phones, 1 mobile (mobilePhone), 1 web page (businessHomePage), no notes, no other phones; names, company, addresses,
/// categories and birthday as they are. The projected map keeps the hub's keys; the connector maps "mobilePhones" and
/// "webPages" to Graph's single-valued properties. The hub's classification path is hub metadata and is not sent,
/// without a warning; any other field Graph has no property for is left out with one.
/// </summary>
public sealed class ExchangeContactProjection : IProjection
{
    public static readonly ExchangeContactProjection Instance = new();

    /// <summary>List fields Exchange holds, with the most entries it takes.</summary>
    public static readonly IReadOnlyDictionary<string, int> ListLimits = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        [ContactFields.Emails] = 3, [ContactFields.BusinessPhones] = 2, [ContactFields.HomePhones] = 2,
        [ContactFields.MobilePhones] = 1, [ContactFields.WebPages] = 1, [ContactFields.Categories] = int.MaxValue,
    };

    /// <summary>Single-valued fields Exchange holds as they are.</summary>
    public static readonly IReadOnlySet<string> HeldFields = new HashSet<string>(
        [.. ContactFields.Names, .. ContactFields.AddressFields, ContactFields.Birthday], StringComparer.Ordinal);

    private static readonly IReadOnlySet<string> HubOnly = new HashSet<string>([ContactFields.Classification], StringComparer.Ordinal);

    public static bool Holds(string field) => HeldFields.Contains(field) || ListLimits.ContainsKey(field);

    public ProjectionResult Project(FieldMap hub)
    {
        var warnings = new List<string>();
        var item = hub;
        foreach (var (field, value) in hub.Values)
        {
            if (ListLimits.TryGetValue(field, out var limit))
            {
                var entries = hub.List(field);
                for (var i = limit; i < entries.Count; i++)
                    warnings.Add($"{field}: {Ordinal(i + 1)} {Noun(field)} {entries[i]} not sent: Exchange holds at most {limit}");
                if (entries.Count > limit) item = item.WithList(field, entries.Take(limit));
            }
            else if (!HeldFields.Contains(field))
            {
                item = item.With(field, null);
                if (!HubOnly.Contains(field)) warnings.AddRange(LeftOut(field, value, hub));
            }
        }
        return new(item, warnings);
    }

    /// <summary>Fields Exchange holds come from the remote (absent there means cleared there); list fields take the
    /// remote's entries followed by the hub's overflow beyond the limit (entries the remote already has are not
    /// repeated); fields Exchange cannot hold stay as the hub has them. An unchanged echo of <see cref="Project"/>
    /// therefore merges back to exactly the hub item.</summary>
    public FieldMap MergeBack(FieldMap hub, FieldMap remote)
    {
        var merged = hub;
        foreach (var field in HeldFields)
            merged = merged.With(field, remote[field]);
        foreach (var (field, limit) in ListLimits)
        {
            var key = KeyOf(field);
            var theirs = remote.List(field);
            var seen = theirs.Select(key).ToHashSet(StringComparer.Ordinal);
            var overflow = hub.List(field).Skip(limit).Where(v => !seen.Contains(key(v)));
            merged = merged.WithList(field, theirs.Concat(overflow));
        }
        return merged;
    }

    private static IEnumerable<string> LeftOut(string field, string value, FieldMap hub) => field switch
    {
        ContactFields.Notes => [$"{field}: '{Preview(value)}' not sent: Exchange contacts get no notes"],
        _ when ContactFields.Lists.Contains(field) || field == ContactFields.OtherPhones =>
            hub.List(field).Select(v => $"{field}: {v} not sent: Exchange has no field for {field}"),
        _ => [$"{field}: '{Preview(value)}' not sent: Exchange has no field for {field}"],
    };

    private static Func<string, string> KeyOf(string field) => field switch
    {
        ContactFields.Emails => EmailAddresses.ComparisonKey,
        ContactFields.Categories => v => v.ToLowerInvariant(),
        _ => v => v,
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
    private static string Preview(string v) => v.Length <= 40 ? v.Replace('\n', ' ') : v[..40].Replace('\n', ' ') + "…";
}
