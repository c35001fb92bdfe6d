using ContactSync.Engine.Items;

namespace ContactSync.Engine.Normalisation;

/// <summary>
/// First-sync linking keys (M14), strongest first: "email:&lt;address lower-cased&gt;" per e-mail, then
/// "phone+name:&lt;E.164 without extension&gt;|&lt;name key&gt;" per phone and name (a phone alone is shared by a
/// switchboard, so it needs the name). Expects a normalised contact (<see cref="ContactNormaliser"/>): phones not in
/// E.164 give no key. Name keys come from "given surname" and from the display name when that differs: folded (lower
/// case, no diacritics), punctuation dropped and words sorted, so "Łukasz Wróbel", "WROBEL, Lukasz" and
/// "Lukasz Wrobel" typed on a phone give the same key.
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
        var phones = ContactFields.PhoneLists.SelectMany(contact.List).Where(p => p.StartsWith('+'))
            .Select(PhoneNumbers.WithoutExtension).ToList();
        foreach (var name in NameKeys(contact))
            keys.AddRange(phones.Select(phone => $"{PhoneNamePrefix}{phone}|{name}"));
        return keys.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>The name as a comparison key: folded, letters and digits only, words sorted ("Dvořák, Jiří" → "dvorak jiri").</summary>
    public static string NameKey(string? name)
    {
        var words = new string(TextForm.Fold(name).Select(c => char.IsLetterOrDigit(c) ? c : ' ').ToArray())
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return string.Join(' ', words.Order(StringComparer.Ordinal));
    }

    private static IEnumerable<string> NameKeys(FieldMap c) =>
        new[] { NameKey($"{c[ContactFields.GivenName]} {c[ContactFields.Surname]}"), NameKey(c[ContactFields.DisplayName]) }
            .Where(n => n.Length > 0).Distinct(StringComparer.Ordinal);
}
