namespace ContactSync.Hub;

/// <summary>Every Table Storage table the hub uses (infra creates each one; its tests read this list).</summary>
public static class HubTables
{
    public const string Tenants = "tenants";
    public const string Policies = "policies";
    public const string Groups = "groups";
    public const string Members = "members";
    public const string HubContacts = "hubcontacts";
    public const string HubChanges = "hubchanges";
    public const string Targets = "targets";
    public const string SyncState = "syncstate";
    public const string Pairs = "pairs";
    public const string Runs = "runs";
    public const string Due = "due";
    public const string Subscriptions = "subscriptions";
    public const string PendingChanges = "pendingchanges";
    public const string Backups = "backups";
    public const string BackupItems = "backupitems";

    public static readonly IReadOnlyList<string> All =
        [Tenants, Policies, Groups, Members, HubContacts, HubChanges, Targets, SyncState, Pairs, Runs, Due, Subscriptions, PendingChanges, Backups, BackupItems];
}
