using System.Collections.Concurrent;
using ContactSync.GraphSandbox.Model;
using ContactSync.GraphSandbox.Subscriptions;
using ContactSync.GraphSandbox.Throttling;

namespace ContactSync.GraphSandbox.State;

/// <summary>Everything the sandbox remembers. Directory and mailbox data change under <see cref="Gate"/>.</summary>
public sealed class SandboxState(SandboxOptions options)
{
    public object Gate { get; } = new();
    public SandboxOptions Options { get; } = options;
    public TimeProvider Clock => Options.Clock;
    public DateTimeOffset Now => Clock.GetUtcNow();

    public Dictionary<string, Tenant> Tenants { get; } = new(StringComparer.OrdinalIgnoreCase);
    public Dictionary<string, DirectoryUser> Users { get; } = new(StringComparer.OrdinalIgnoreCase);
    public Dictionary<string, DirectoryGroup> Groups { get; } = new(StringComparer.OrdinalIgnoreCase);
    public Dictionary<string, Mailbox> Mailboxes { get; } = new(StringComparer.OrdinalIgnoreCase);
    public Dictionary<string, DeltaToken> DeltaTokens { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, Subscription> Subscriptions { get; } = new(StringComparer.OrdinalIgnoreCase);
    /// <summary>Notifications held for subscriptions awaiting reauthorization, by subscription id.</summary>
    public Dictionary<string, List<System.Text.Json.Nodes.JsonObject>> HeldNotifications { get; } = new(StringComparer.OrdinalIgnoreCase);

    public ConcurrentDictionary<string, MailboxCounters> Counters { get; } = new(StringComparer.OrdinalIgnoreCase);
    public ThrottleSettings Throttling { get; set; } = options.Throttling;
    public FaultSettings GlobalFaults { get; set; } = new();
    public ConcurrentDictionary<string, FaultSettings> MailboxFaults { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Finds a user by id or userPrincipalName (case-insensitive), as <c>/users/{id|upn}</c> does.</summary>
    public DirectoryUser? FindUser(string idOrUpn)
    {
        lock (Gate)
        {
            if (Users.TryGetValue(idOrUpn, out var byId)) return byId;
            return Users.Values.FirstOrDefault(u => string.Equals(u.UserPrincipalName, idOrUpn, StringComparison.OrdinalIgnoreCase));
        }
    }

    public Mailbox? FindMailbox(string idOrUpn)
    {
        var user = FindUser(idOrUpn);
        if (user is null) return null;
        lock (Gate) return Mailboxes.GetValueOrDefault(user.Id);
    }

    public MailboxCounters CountersFor(string userId) => Counters.GetOrAdd(userId, _ => new MailboxCounters());

    public FaultSettings FaultsFor(string userId) => MailboxFaults.GetValueOrDefault(userId) ?? GlobalFaults;

    public void Clear()
    {
        lock (Gate)
        {
            Tenants.Clear(); Users.Clear(); Groups.Clear(); Mailboxes.Clear(); DeltaTokens.Clear(); Subscriptions.Clear(); HeldNotifications.Clear();
        }
        Counters.Clear();
        MailboxFaults.Clear();
        GlobalFaults = new();
        Throttling = Options.Throttling;
    }
}

/// <summary>Server-side state behind a $skiptoken or $deltatoken.</summary>
public sealed record DeltaToken(
    string MailboxId, string FolderId, long SinceSequence, long UpToSequence, IReadOnlyList<string>? Select,
    IReadOnlyList<string> Pending, bool IsDeltaLink, DateTimeOffset Issued);
