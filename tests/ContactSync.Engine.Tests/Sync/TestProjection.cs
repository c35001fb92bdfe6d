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

    /// <summary>The hub's e-mails beyond the limit are kept while the remote's list is full: they could not be sent.
    /// A remote list with room left is the whole list.</summary>
    public FieldMap MergeBack(FieldMap hub, FieldMap remote)
    {
        var emails = remote.List("emails");
        return remote.WithList("emails", emails.Count < MaxEmails ? emails : [.. emails, .. hub.List("emails").Skip(MaxEmails)])
            .With("notes", hub["notes"]);
    }

    /// <summary>First-sync match keys: the e-mail addresses, case folded.</summary>
    public static IReadOnlyList<string> EmailKeys(FieldMap item) =>
        item.List("emails").Select(e => "email:" + e.ToLowerInvariant()).ToList();
}
