using System.Text.RegularExpressions;

namespace ContactSync.Hub.Validation;

/// <summary>Resource ids (tenants, policies, groups, targets, members): <c>[A-Za-z0-9._-]{1,64}</c>, so they are valid
/// table keys as they are and <c>|</c> can join them into composite partition keys.</summary>
public static partial class Ids
{
    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex Pattern();

    public static bool IsValid(string? id) => id is not null && Pattern().IsMatch(id);

    /// <summary>Adds an error for <paramref name="field"/> unless <paramref name="id"/> is a valid id.</summary>
    public static void Check(ValidationErrors errors, string field, string? id)
    {
        if (string.IsNullOrEmpty(id)) errors.Add(field, $"{field} is required.");
        else if (!IsValid(id)) errors.Add(field, $"'{Show(id)}' is not a valid id: use 1 to 64 of A-Z a-z 0-9 . _ -");
    }

    private static string Show(string id) => id.Length > 70 ? id[..70] + "…" : id;
}
