using ContactSync.Engine.Items;

namespace ContactSync.Hub.HubItems;

/// <summary>A hub contact as the API shows it: its id, version (the ETag, for If-Match), the contact (sync tags in the
/// "syncTags" list field) and when it last changed.</summary>
public sealed record HubContact(string Id, string Version, FieldMap Contact, DateTimeOffset? Modified)
{
    public IReadOnlyList<string> SyncTags => Contact.List(Engine.Sync.Scope.SyncTagsField);
}

/// <summary>A saved contact: whether the PUT created it, and the values kept as typed (a phone that could not be made
/// canonical is a warning, not an error).</summary>
public sealed record HubContactSaved(HubContact Contact, bool Created, IReadOnlyList<string> Warnings);
