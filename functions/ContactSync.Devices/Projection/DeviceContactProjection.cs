using ContactSync.Devices.VCard;
using ContactSync.Engine.Items;
using ContactSync.Engine.Normalisation;
using F = ContactSync.Engine.Items.ContactFields;

namespace ContactSync.Devices.Projection;

/// <summary>
/// A hub contact as a device can hold it (M13, M22): phones and e-mails normalised with the tenant's region; e-mails
/// and phones beyond the device's limits left out with one warning each (mobile numbers are kept first, then business,
/// home, other); fields the device does not list left out; the hub's classification never sent; with
/// <see cref="DeviceLimits.FillDisplayName"/> an empty display name composed as the vCard FN is. On the way back the
/// device's values win for what it holds, and what it could not hold stays as the hub has it, so an unchanged echo of
/// <see cref="Project"/> of a canonical hub item merges back to exactly that item.
/// </summary>
public sealed class DeviceContactProjection(ContactNormaliser normaliser, DeviceLimits? limits = null) : IProjection
{
    private static readonly string[] PhonePriority = [F.MobilePhones, F.BusinessPhones, F.HomePhones, F.OtherPhones];
    private readonly DeviceLimits _limits = limits ?? new DeviceLimits();

    public ProjectionResult Project(FieldMap hub)
    {
        var canonical = normaliser.Normalise(hub);
        hub = canonical.Item;
        var warnings = new List<string>(canonical.Warnings);
        var item = hub;
        foreach (var (field, value) in hub.Values)
        {
            if (Holds(field)) continue;
            item = item.With(field, null);
            if (field != F.Classification) warnings.Add($"{field}: '{Preview(value)}' not sent: the device has no field for {field}");
        }
        if (_limits.MaxEmails is { } maxEmails) item = Cap(item, F.Emails, maxEmails, "address", warnings);
        var phoneBudget = _limits.MaxPhones ?? int.MaxValue;
        foreach (var list in PhonePriority)
        {
            var kept = Math.Min(phoneBudget, item.List(list).Count);
            item = Cap(item, list, kept, "number", warnings, _limits.MaxPhones);
            phoneBudget -= kept;
        }
        if (_limits.FillDisplayName && item[F.DisplayName] is null) item = item.With(F.DisplayName, VCardWriter.FormattedName(item));
        return new(item, warnings);
    }

    public FieldMap MergeBack(FieldMap hub, FieldMap remote)
    {
        remote = normaliser.Normalise(remote).Item;
        var projected = Project(hub).Item;
        var merged = hub.Values.ToDictionary(kv => kv.Key, kv => (string?)kv.Value, StringComparer.Ordinal);
        foreach (var field in hub.Values.Keys.Union(remote.Values.Keys).Where(Holds).ToList())
        {
            if (!F.Lists.Contains(field)) { merged[field] = remote[field]; continue; }
            var key = KeyOf(field);
            var theirs = remote.List(field);
            var seen = theirs.Select(key).ToHashSet(StringComparer.Ordinal);
            var sent = projected.List(field).Select(key).ToHashSet(StringComparer.Ordinal);
            var leftOut = hub.List(field).Where(v => !sent.Contains(key(v)) && !seen.Contains(key(v)));
            merged[field] = string.Join(FieldMap.ListSeparator, theirs.Concat(leftOut));
        }
        // A display name the device only shows because FN is required is not an edit: the hub keeps having none.
        if (_limits.FillDisplayName && hub[F.DisplayName] is null && remote[F.DisplayName] is { } shown)
        {
            var composed = VCardWriter.FormattedName(FieldMap.From(merged.Where(kv => kv.Key != F.DisplayName)));
            if (shown == composed || shown == projected[F.DisplayName]) merged[F.DisplayName] = null;
        }
        return FieldMap.From(merged);
    }

    private bool Holds(string field)
    {
        if (field == F.Classification || !F.All.Contains(field)) return false;
        var dot = field.IndexOf('.');
        return _limits.Fields is not { } fields || fields.Contains(dot > 0 ? field[..dot] : field);
    }

    private static FieldMap Cap(FieldMap item, string field, int keep, string noun, List<string> warnings, int? limit = null)
    {
        var entries = item.List(field);
        if (entries.Count <= keep) return item;
        for (var i = keep; i < entries.Count; i++)
            warnings.Add($"{field}: {Ordinal(i + 1)} {noun} {entries[i]} not sent: the device holds at most {limit ?? keep} {(noun == "address" ? "e-mail addresses" : "phone numbers")}");
        return item.WithList(field, entries.Take(keep));
    }

    private static Func<string, string> KeyOf(string field) => field switch
    {
        F.Emails => EmailAddresses.ComparisonKey,
        F.Categories => v => v.ToLowerInvariant(),
        _ => v => v,
    };

    private static string Ordinal(int n) => (n % 100 is 11 or 12 or 13 ? 0 : n % 10) switch
    {
        1 => $"{n}st", 2 => $"{n}nd", 3 => $"{n}rd", _ => $"{n}th",
    };

    private static string Preview(string v) => (v.Length <= 40 ? v : v[..40] + "…").Replace('\n', ' ');
}
