using Microsoft.Kiota.Abstractions;

namespace ContactSync.Graph.Throttling;

/// <summary>Names the mailbox a request goes to and how many Outlook requests it carries, for requests whose URL does
/// not say (a $batch: its inner requests all go to <see cref="Mailbox"/>).</summary>
public sealed record MailboxRequestOption(string Mailbox, int Requests = 1) : IRequestOption
{
    static readonly HttpRequestOptionsKey<IRequestOption> Key = new(typeof(MailboxRequestOption).FullName!);

    public static MailboxRequestOption? Of(HttpRequestMessage request) =>
        request.Options.TryGetValue(Key, out var option) ? option as MailboxRequestOption : null;

    /// <summary>The mailbox of an Outlook resource URL (<c>/v1.0/users/{id}/contacts...</c>); null for directory and other calls.</summary>
    public static MailboxRequestOption? FromUrl(Uri? uri)
    {
        if (uri is null) return null;
        var s = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var at = Array.FindIndex(s, x => x.Equals("users", StringComparison.OrdinalIgnoreCase));
        return at >= 0 && at + 2 < s.Length && OutlookResources.Contains(s[at + 2])
            ? new MailboxRequestOption(Uri.UnescapeDataString(s[at + 1])) : null;
    }

    static readonly HashSet<string> OutlookResources = new(StringComparer.OrdinalIgnoreCase)
    {
        "contacts", "contactFolders", "events", "calendar", "calendars", "calendarView", "mailFolders", "messages", "todo", "outlook",
    };
}
