using System.Text.Json.Nodes;
using ContactSync.GraphSandbox.Model;
using ContactSync.GraphSandbox.State;

namespace ContactSync.GraphSandbox.Graph;

/// <summary>Creates, changes and deletes contacts; used by the Graph API and by "Outlook" edits alike, so both bump the
/// change key, feed delta and raise notifications.</summary>
public sealed class ContactStore(SandboxState state, ChangeFeed feed)
{
    public StoredContact Create(Mailbox mailbox, string folderId, JsonObject body)
    {
        var fields = ContactSchema.Writable(body);
        ContactSchema.CheckLimits(fields);
        var extended = ContactSchema.ExtendedProperties(body).ToList();
        StoredContact contact;
        lock (state.Gate)
        {
            if (!mailbox.Folders.ContainsKey(folderId)) throw GraphException.NotFound();
            var now = state.Now;
            contact = new StoredContact { Id = Ids.NewItemId(), FolderId = folderId, Created = now };
            FillDisplayName(fields);
            contact.Fields = fields;
            foreach (var (id, value) in extended) contact.Extended[id] = value;
            Stamp(mailbox, contact, now);
            mailbox.Contacts[contact.Id] = contact;
        }
        Publish(mailbox, contact, "created");
        return contact;
    }

    public StoredContact Update(Mailbox mailbox, string contactId, JsonObject patch, string? ifMatch, string? folderId = null)
    {
        var changes = ContactSchema.Writable(patch);
        var extended = ContactSchema.ExtendedProperties(patch).ToList();
        StoredContact contact;
        lock (state.Gate)
        {
            contact = Find(mailbox, contactId, folderId);
            CheckMatch(contact, ifMatch);
            var merged = (JsonObject)contact.Fields.DeepClone();
            foreach (var (name, value) in changes) merged[name] = value?.DeepClone();
            ContactSchema.CheckLimits(merged);
            contact.Fields = merged;
            foreach (var (id, value) in extended) contact.Extended[id] = value;
            Stamp(mailbox, contact, state.Now);
        }
        Publish(mailbox, contact, "updated");
        return contact;
    }

    public void Delete(Mailbox mailbox, string contactId, string? ifMatch, string? folderId = null)
    {
        StoredContact contact;
        lock (state.Gate)
        {
            contact = Find(mailbox, contactId, folderId);
            CheckMatch(contact, ifMatch);
            mailbox.Contacts.Remove(contactId);
            mailbox.Tombstones.Add(new Tombstone(contactId, contact.FolderId, mailbox.NextSequence()));
        }
        Publish(mailbox, contact, "deleted");
    }

    public StoredContact Find(Mailbox mailbox, string contactId, string? folderId)
    {
        lock (state.Gate)
        {
            if (!mailbox.Contacts.TryGetValue(contactId, out var contact) || (folderId is not null && contact.FolderId != folderId))
                throw GraphException.NotFound();
            return contact;
        }
    }

    /// <summary>If-Match carries the etag <c>W/"changeKey"</c>; a bare or strong form of the same key also matches; <c>*</c> matches anything.</summary>
    static void CheckMatch(StoredContact contact, string? ifMatch)
    {
        if (string.IsNullOrEmpty(ifMatch) || ifMatch == "*") return;
        var key = ifMatch.StartsWith("W/", StringComparison.Ordinal) ? ifMatch[2..] : ifMatch;
        if (key.Trim('"') != contact.ChangeKey) throw GraphException.PreconditionFailed();
    }

    static void Stamp(Mailbox mailbox, StoredContact contact, DateTimeOffset now)
    {
        contact.ChangeKey = Ids.NewChangeKey();
        contact.Modified = now;
        contact.Sequence = mailbox.NextSequence();
    }

    static void FillDisplayName(JsonObject fields)
    {
        if (!string.IsNullOrEmpty(fields["displayName"]?.GetValue<string>())) return;
        var name = string.Join(' ', new[] { fields["givenName"], fields["surname"] }
            .Select(n => n?.GetValue<string>()).Where(n => !string.IsNullOrEmpty(n)));
        if (name.Length > 0) fields["displayName"] = name;
    }

    void Publish(Mailbox mailbox, StoredContact contact, string changeType) =>
        feed.Publish(new ContactChange(mailbox.User.TenantId, mailbox.User.Id, contact.FolderId, contact.Id, changeType, contact.ETag));
}
