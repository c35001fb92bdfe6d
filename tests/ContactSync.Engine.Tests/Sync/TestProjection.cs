using ContactSync.Engine.Items;

namespace ContactSync.Engine.Tests.Sync;

/// <summary>A target with limits, like Exchange in small: at most two e-mails, no notes. What does not fit stays in the hub.</summary>
public sealed class TestProjection : IProjection
{
    public static readonly TestProjection Instance = new();
    public const int MaxEmails = 2;

    public ProjectionResult Project(FieldMap hub)
    {
        var warnings = new List<string>();
        var emails = hub.List("emails");
        if (emails.Count > MaxEmails) warnings.Add($"e-mails beyond {MaxEmails} left out: {string.Join(", ", emails.Skip(MaxEmails))}");
        if (hub["notes"] is not null) warnings.Add("notes are not sent");
        return new(hub.WithList("emails", emails.Take(MaxEmails)).With("notes", null), warnings);
    }

    public FieldMap MergeBack(FieldMap hub, FieldMap remote) =>
        remote.WithList("emails", [.. remote.List("emails"), .. hub.List("emails").Skip(MaxEmails)]).With("notes", hub["notes"]);

    /// <summary>First-sync match keys: the e-mail addresses, case folded.</summary>
    public static IReadOnlyList<string> EmailKeys(FieldMap item) =>
        item.List("emails").Select(e => "email:" + e.ToLowerInvariant()).ToList();
}
