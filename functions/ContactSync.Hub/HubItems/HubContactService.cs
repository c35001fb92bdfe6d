using ContactSync.Engine.Items;
using ContactSync.Engine.Normalisation;
using ContactSync.Engine.Ports;
using ContactSync.Hub.Directory.Csv;
using ContactSync.Hub.Tenants;
using ContactSync.Hub.Validation;
using ContactSync.Storage;

namespace ContactSync.Hub.HubItems;

/// <summary>
/// The hub contacts behind the API (M9, M15): put (create or replace by id, made canonical with the tenant's phone
/// region, checked), get, delete, list filtered by sync tag and category, and the CSV export without Exchange's limits.
/// Every write goes through <see cref="TableHubContactStore"/>, so the change feed sees it.
/// </summary>
public sealed class HubContactService(ITableStore tables, TenantStore tenants)
{
    private static readonly HashSet<string> Fields = new([.. ContactFields.All, Engine.Sync.Scope.SyncTagsField], StringComparer.Ordinal);

    public async Task<Outcome<HubContactSaved>> PutAsync(string tenantId, string contactId, FieldMap raw, string? ifMatch = null,
        CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        Ids.Check(errors, "id", contactId);
        foreach (var field in raw.Values.Keys.Where(f => !Fields.Contains(f)))
            errors.Add(field, $"'{field}' is not a contact field.");
        if (!errors.IsValid) return Outcome<HubContactSaved>.Invalid(errors);
        if (await tenants.GetAsync(tenantId, ct) is not { } tenant) return Outcome<HubContactSaved>.NotFound($"Tenant '{tenantId}' does not exist.");

        var (contact, warnings) = new ContactNormaliser(tenant.DefaultRegion).Normalise(raw);
        Check(contact, errors);
        if (HubContactEntity.Serialize(contact).Problem is { } tooLarge) errors.Add("notes", tooLarge);
        if (!errors.IsValid) return Outcome<HubContactSaved>.Invalid(errors);

        var store = new TableHubContactStore(tables, tenantId);
        var existed = await tables.GetAsync(HubTables.HubContacts, tenantId, contactId, ct) is not null;
        try
        {
            var version = await store.PutAsync(contactId, contact, ifMatch, ct);
            var saved = (await store.GetManyAsync([contactId], ct)).SingleOrDefault() is { } item
                ? ToContact(item) : new HubContact(contactId, version, contact, null);
            return Outcome<HubContactSaved>.Ok(new(saved, !existed, warnings));
        }
        catch (ItemNotFoundException)
        {
            // Without If-Match this PUT would create it: the precondition is what fails (RFC 9110 §13.2.1), so 412.
            return Outcome<HubContactSaved>.Stale($"Contact '{contactId}' does not exist: If-Match needs an existing contact.");
        }
        catch (VersionMismatchException e)
        {
            return Outcome<HubContactSaved>.Stale($"Contact '{contactId}' is at version {e.Actual}, not {e.Expected}: read it again.");
        }
    }

    public async Task<HubContact?> GetAsync(string tenantId, string contactId, CancellationToken ct = default) =>
        Ids.IsValid(contactId) && (await new TableHubContactStore(tables, tenantId).GetManyAsync([contactId], ct)).SingleOrDefault() is { } item
            ? ToContact(item) : null;

    public async Task<Outcome<bool>> DeleteAsync(string tenantId, string contactId, string? ifMatch = null, CancellationToken ct = default)
    {
        if (await GetAsync(tenantId, contactId, ct) is null) return Outcome<bool>.NotFound($"Contact '{contactId}' does not exist.");
        try
        {
            await new TableHubContactStore(tables, tenantId).RemoveAsync(contactId, ifMatch, ct);
            return Outcome<bool>.Ok(true);
        }
        catch (ItemNotFoundException)
        {
            return Outcome<bool>.NotFound($"Contact '{contactId}' does not exist.");
        }
        catch (VersionMismatchException e)
        {
            return Outcome<bool>.Stale($"Contact '{contactId}' is at version {e.Actual}, not {e.Expected}: read it again.");
        }
    }

    /// <summary>The tenant's contacts, optionally only those with sync tag <paramref name="tag"/> and/or category
    /// <paramref name="category"/> (compared ignoring case), ordered by id.</summary>
    public async Task<IReadOnlyList<HubContact>> ListAsync(string tenantId, string? tag = null, string? category = null,
        CancellationToken ct = default)
    {
        var list = new List<HubContact>();
        await foreach (var e in tables.QueryAsync(HubTables.HubContacts, new TableQuery(HubContactEntity.ContactsFilter(tenantId)), ct))
        {
            var c = ToContact(HubContactEntity.ToItem(e));
            if (tag is { Length: > 0 } && !c.SyncTags.Contains(tag, StringComparer.Ordinal)) continue;
            if (category is { Length: > 0 } && !c.Contact.List(ContactFields.Categories).Contains(category, StringComparer.OrdinalIgnoreCase)) continue;
            list.Add(c);
        }
        return list;
    }

    /// <summary>The contacts as CSV (UTF-8 with BOM, Outlook's columns), every value the hub holds.</summary>
    public async Task<byte[]> ExportCsvAsync(string tenantId, string? tag = null, string? category = null, CancellationToken ct = default) =>
        ContactCsvExport.ToBytes((await ListAsync(tenantId, tag, category, ct)).Select(c => c.Contact));

    private static void Check(FieldMap contact, ValidationErrors errors)
    {
        var emails = contact.List(ContactFields.Emails);
        for (var i = 0; i < emails.Count; i++)
            if (!EmailAddresses.LooksValid(emails[i])) errors.Add($"emails[{i}]", $"'{emails[i]}' is not a valid e-mail address.");
        var tags = contact.List(Engine.Sync.Scope.SyncTagsField);
        for (var i = 0; i < tags.Count; i++) Ids.Check(errors, $"syncTags[{i}]", tags[i]);
        if (emails.Count == 0 && ContactFields.Names.All(n => contact[n] is null))
            errors.Add("displayName", "A contact needs a name, a company or an e-mail address.");
    }

    private static HubContact ToContact(StoredItem i) => new(i.Id, i.Version, i.Item, i.Modified);
}
