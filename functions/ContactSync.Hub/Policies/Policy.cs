using ContactSync.Engine.Sync;
using ContactSync.Hub.Scheduling;

namespace ContactSync.Hub.Policies;

/// <summary>A tenant's policy (M1): one settings section per kind of sync; a section left out is not synced.
/// <see cref="UpdatedAt"/> is set by the store.</summary>
public sealed record Policy(string Id, BusinessContactsSection? BusinessContacts, ContactsSection? Contacts)
{
    public DateTimeOffset? UpdatedAt { get; init; }
    public Backups.BackupSection? Backup { get; init; }

    /// <summary>The sections present, by their JSON name (<see cref="PolicySections"/>).</summary>
    public IEnumerable<(string Name, IPolicySection Section)> Sections()
    {
        if (BusinessContacts is not null) yield return (PolicySections.BusinessContacts, BusinessContacts);
        if (Contacts is not null) yield return (PolicySections.Contacts, Contacts);
    }

    public IPolicySection? Section(string name) => name switch
    {
        PolicySections.BusinessContacts => BusinessContacts,
        PolicySections.Contacts => Contacts,
        _ => null,
    };
}

public static class PolicySections
{
    public const string BusinessContacts = "businessContacts";
    public const string Contacts = "contacts";
    public static readonly IReadOnlyList<string> All = [BusinessContacts, Contacts];
}

/// <summary>What every section has: when it runs and where its items go. <see cref="ChangedAt"/> is when the store last
/// saw this section's settings change (an <c>off</c> section runs once after it; a calendar schedule starts the next day).</summary>
public interface IPolicySection
{
    Interval Interval { get; }
    /// <summary>Local time in the tenant's time zone, for daily/weekly/monthly.</summary>
    TimeOnly? TimeOfDay { get; }
    /// <summary>The mailbox contact folder, or null for the default folder (the one Outlook mobile shows).</summary>
    string? Folder { get; }
    DateTimeOffset? ChangedAt { get; }
}

public enum BaseType { None, OwnGroups, AllGroups }

/// <summary>One-way directory → mailbox (M7): the members of the base type's groups plus the additional groups.</summary>
public sealed record BusinessContactsSection(
    Interval Interval, TimeOnly? TimeOfDay, BaseType BaseType, IReadOnlyList<string> AdditionalGroups, string? Folder)
    : IPolicySection
{
    public DateTimeOffset? ChangedAt { get; init; }
}

/// <summary>Two-way hub ↔ mailbox contacts (M9–M12, M16).</summary>
public sealed record ContactsSection(
    Interval Interval, TimeOnly? TimeOfDay, SyncDirection Direction, bool ImportAll, IReadOnlyList<string> Categories,
    string? ClassificationBranch, ConflictPolicy ConflictPolicy, DeleteMode DeleteMode, string? Folder,
    double MassDeleteShare = 0.3) : IPolicySection
{
    public DateTimeOffset? ChangedAt { get; init; }
}
