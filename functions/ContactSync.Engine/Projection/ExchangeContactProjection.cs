using ContactSync.Engine.Items;
using ContactSync.Engine.Normalisation;
using static ContactSync.Engine.Projection.ExchangeContactLimits;

namespace ContactSync.Engine.Projection;

/// <summary>
/// A hub contact as an Exchange (Graph v1.0) contact can hold it (M13): at most 3 e-mails, 2 business phones, 2 home
/// phones, 1 mobile, 1 web page, no notes, no other phones; names, company, addresses, categories and birthday as they
/// are (<see cref="ExchangeContactLimits"/>). The projected map keeps the hub's keys; the connector maps them to Graph.
/// With a <see cref="ContactNormaliser"/> (the tenant's region), what the remote sends back is normalised before it is
/// merged (a number typed in Outlook reaches the hub in E.164), and values of the hub item that are still not
/// canonical are warned about on every projection.
/// </summary>
public sealed class ExchangeContactProjection(ContactNormaliser? normaliser = null) : IProjection
{
    /// <summary>Without normalisation: for items already canonical on both sides.</summary>
    public static readonly ExchangeContactProjection Instance = new();

    public ProjectionResult Project(FieldMap hub)
    {
        var warnings = new List<string>();
        if (normaliser is not null)
        {
            var canonical = normaliser.Normalise(hub);
            hub = canonical.Item;
            warnings.AddRange(canonical.Warnings);
        }
        var item = hub;
        foreach (var field in hub.Values.Keys)
        {
            if (Lists.TryGetValue(field, out var limit))
            {
                var entries = hub.List(field);
                for (var i = limit; i < entries.Count; i++) warnings.Add(OverLimit(field, i + 1, entries[i], limit));
                if (entries.Count > limit) item = item.WithList(field, entries.Take(limit));
            }
            else if (!Scalars.Contains(field))
            {
                item = item.With(field, null);
                if (!HubOnly.Contains(field)) warnings.AddRange(NotHeld(field, hub));
            }
        }
        return new(item, warnings);
    }

    /// <summary>Fields Exchange holds come from the remote (absent there means cleared there); list fields take the
    /// remote's entries, then the hub's entries beyond the limit that the remote does not already have; fields
    /// Exchange cannot hold stay as the hub has them. An unchanged echo of <see cref="Project"/> of a canonical hub
    /// item therefore merges back to exactly that item.</summary>
    public FieldMap MergeBack(FieldMap hub, FieldMap remote)
    {
        if (normaliser is not null) remote = normaliser.Normalise(remote).Item;
        var merged = hub.Values.ToDictionary(kv => kv.Key, kv => (string?)kv.Value, StringComparer.Ordinal);
        foreach (var field in Scalars) merged[field] = remote[field];
        foreach (var (field, limit) in Lists)
        {
            var key = KeyOf(field);
            var theirs = remote.List(field);
            var seen = theirs.Select(key).ToHashSet(StringComparer.Ordinal);
            var overflow = hub.List(field).Skip(limit).Where(v => !seen.Contains(key(v)));
            merged[field] = string.Join(FieldMap.ListSeparator, theirs.Concat(overflow));
        }
        return FieldMap.From(merged);
    }
}
