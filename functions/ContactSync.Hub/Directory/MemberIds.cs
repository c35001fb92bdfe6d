using System.Security.Cryptography;
using System.Text;
using ContactSync.Engine.Items;
using ContactSync.Engine.Normalisation;

namespace ContactSync.Hub.Directory;

/// <summary>Stable member ids, so a re-import updates a member instead of adding it again: from the first e-mail
/// address (compared ignoring case), else from the name and the first canonical phone, else from the name alone.
/// "e…" / "n…" + 32 hex characters of SHA-256: a valid id and table key.</summary>
public static class MemberIds
{
    /// <summary>The id of a normalised contact, or null when it has neither an e-mail address nor a name.</summary>
    public static string? Of(FieldMap contact)
    {
        if (contact.List(ContactFields.Emails).Select(EmailAddresses.ComparisonKey).FirstOrDefault(k => k.Length > 0) is { } email)
            return "e" + Hash("email:" + email);
        var name = ContactMatchKeys.NameKey(NameOf(contact));
        if (name.Length == 0) return null;
        var phone = ContactFields.PhoneLists.SelectMany(contact.List).Select(PhoneNumbers.WithoutExtension).FirstOrDefault() ?? "";
        return "n" + Hash($"name:{name}|phone:{phone}");
    }

    /// <summary>The name a contact goes by: the display name, else given, middle and surname.</summary>
    public static string? NameOf(FieldMap c)
    {
        if (c[ContactFields.DisplayName] is { } display) return display;
        var parts = string.Join(' ', new[] { c[ContactFields.GivenName], c[ContactFields.MiddleName], c[ContactFields.Surname] }
            .Where(s => !string.IsNullOrEmpty(s)));
        return parts.Length > 0 ? parts : null;
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
}
