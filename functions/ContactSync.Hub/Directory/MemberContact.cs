using ContactSync.Engine.Items;
using ContactSync.Engine.Normalisation;

namespace ContactSync.Hub.Directory;

/// <summary>A candidate member checked and made canonical: the member, or the reason it cannot be one; warnings for
/// values kept as typed (a phone that cannot be made canonical is a warning, not an error).</summary>
public sealed record MemberCandidate(Member? Member, string? Error, IReadOnlyList<string> Warnings);

public static class MemberContact
{
    /// <summary>Normalises <paramref name="raw"/> with the tenant's region, fills a missing display name from the name
    /// parts or the company, and refuses a contact with neither a name nor an e-mail address, or with an invalid
    /// e-mail address.</summary>
    public static MemberCandidate Prepare(FieldMap raw, string? region)
    {
        // Outlook exports a contact picked from the Exchange address book with its X.500 address (E-mail Type "EX"):
        // not an address anyone can write to, so it is left out with a warning rather than failing the row.
        var exchange = raw.List(ContactFields.Emails).Where(e => e.TrimStart().StartsWith("/o=", StringComparison.OrdinalIgnoreCase)).ToList();
        raw = raw.WithList(ContactFields.Emails, raw.List(ContactFields.Emails).Except(exchange));
        var (map, normalised) = new ContactNormaliser(region).Normalise(raw);
        var warnings = exchange.Select(e => $"emails: '{e}' is an Exchange-internal (X.500) address, not an e-mail address: left out.")
            .Concat(normalised).ToList();
        var bad = map.List(ContactFields.Emails).Where(e => !EmailAddresses.LooksValid(e)).ToList();
        if (bad.Count > 0) return new(null, $"'{bad[0]}' is not a valid e-mail address.", []);
        if (map[ContactFields.DisplayName] is null)
            map = map.With(ContactFields.DisplayName, MemberIds.NameOf(map) is { Length: > 0 } n ? n : map[ContactFields.CompanyName]);
        var id = MemberIds.Of(map);
        return id is null
            ? new(null, "The row has neither a name nor an e-mail address.", warnings)
            : new(new Member(id, map), null, warnings);
    }
}
