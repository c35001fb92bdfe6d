using ContactSync.Engine.Items;

namespace ContactSync.Engine.Normalisation;

/// <summary>
/// First-sync linking keys (M14), strongest first: "email:&lt;address lower-cased&gt;" per e-mail, then
/// "phone+name:&lt;E.164&gt;|&lt;folded name&gt;" per phone (a phone alone is shared by a switchboard, so it needs the
/// name). Expects a normalised contact (<see cref="ContactNormaliser"/>): phones not in E.164 give no key.
/// The name is "given surname" when either is set, else the display name, folded (lower case, no diacritics), so
/// "Łukasz Wróbel" in the hub links to "Lukasz Wrobel" typed on a phone.
/// </summary>
public static class ContactMatchKeys
{
    public const string EmailPrefix = "email:";
    public const string PhoneNamePrefix = "phone+name:";

    /// <summary>Usable as the planner's <c>Func&lt;FieldMap, IReadOnlyList&lt;string&gt;&gt;</c>.</summary>
    public static readonly Func<FieldMap, IReadOnlyList<string>> Function = Of;

    public static IReadOnlyList<string> Of(FieldMap contact)
    {
        var keys = new List<string>();
        foreach (var email in contact.List(ContactFields.Emails))
        {
            var key = EmailAddresses.ComparisonKey(email);
            if (key.Length > 0) keys.Add(EmailPrefix + key);
        }
        var name = Name(contact);
        if (name.Length > 0)
            foreach (var phone in ContactFields.PhoneLists.SelectMany(contact.List))
                if (phone.StartsWith('+')) keys.Add($"{PhoneNamePrefix}{PhoneNumbers.WithoutExtension(phone)}|{name}");
        return keys.Distinct(StringComparer.Ordinal).ToList();
    }

    private static string Name(FieldMap c)
    {
        var given = c[ContactFields.GivenName];
        var surname = c[ContactFields.Surname];
        return TextForm.Fold(given is null && surname is null ? c[ContactFields.DisplayName] : $"{given} {surname}");
    }
}
