using System.Globalization;
using System.Text.Json.Nodes;

namespace ContactSync.DeviceEmulator.State;

/// <summary>
/// One phone's address book. Every change takes the next sequence number; an item's version is the number of its last
/// change and a sync token names the last number the caller saw. Tokens older than <see cref="ExpireTokens"/> allow are
/// answered with a full listing. One lock per device: the emulator is for tests, not for speed.
/// </summary>
public sealed class EmulatedDevice(string id, string token, Capabilities capabilities)
{
    readonly Lock gate = new();
    readonly Dictionary<string, DeviceContact> contacts = new(StringComparer.Ordinal);
    readonly List<Change> log = [];
    long seq, oldestValidToken;
    int lists, fullListings, gets, applies, operations, unauthorized;

    public string Id { get; } = id;
    public string Token { get; } = token;
    public Capabilities Capabilities { get; } = capabilities;

    public bool Authorize(string? bearer)
    {
        if (bearer == Token) return true;
        Interlocked.Increment(ref unauthorized);
        return false;
    }

    public (IReadOnlyList<DeviceContact> Items, IReadOnlyList<string> Deleted, string Next, bool Full) List(string? since)
    {
        lock (gate)
        {
            lists++;
            var next = seq.ToString(CultureInfo.InvariantCulture);
            if (since is null || !long.TryParse(since, CultureInfo.InvariantCulture, out var from) || from < oldestValidToken || from > seq)
            {
                fullListings++;
                return ([.. contacts.Values], [], next, true);
            }
            var touched = log.Where(c => c.Seq > from).Select(c => c.Id).Distinct().ToList();
            return ([.. touched.Where(contacts.ContainsKey).Select(i => contacts[i])], [.. touched.Where(i => !contacts.ContainsKey(i))], next, false);
        }
    }

    public IReadOnlyList<DeviceContact> Get(IEnumerable<string> ids)
    {
        lock (gate) { gets++; return [.. ids.Where(contacts.ContainsKey).Select(i => contacts[i])]; }
    }

    public IReadOnlyList<DeviceContact> Find(IEnumerable<string> markers)
    {
        var wanted = markers.ToHashSet(StringComparer.Ordinal);
        lock (gate) { gets++; return [.. contacts.Values.Where(c => c.Marker is not null && wanted.Contains(c.Marker))]; }
    }

    /// <summary>Applies one operation under the lock; answers the status the wire reports for it.</summary>
    public (int Status, DeviceContact? Contact, string? Error) Apply(string op, string? id, string? ifVersion, string? marker, JsonObject? fields)
    {
        lock (gate)
        {
            operations++;
            if (Capabilities.ReadOnly) return (403, null, "the device's address book is read-only");
            var current = id is null ? null : contacts.GetValueOrDefault(id);
            if (id is not null && current is null) return (404, null, $"no contact {id}");
            if (current is not null && ifVersion is null) return (400, null, "ifVersion is required");
            if (current is not null && ifVersion != current.Version) return (412, current, $"contact {id} is at version {current.Version}");
            if (op == "delete")
            {
                if (current is null) return (400, null, "delete needs an id");
                Remove(current.Id);
                return (204, null, null);
            }
            if (op != "upsert") return (400, null, $"unknown op '{op}'");
            if (fields is null) return (400, null, "fields are required");
            if (ContactRules.Check(fields, Capabilities) is { } error) return (400, null, error);
            var written = Put(current?.Id ?? Guid.NewGuid().ToString("n"), fields, current?.Marker ?? marker);
            return (current is null ? 201 : 200, written, null);
        }
    }

    public void CountApply() => Interlocked.Increment(ref applies);

    /// <summary>The user edits on the phone: a change that bypasses the API (and its limits).</summary>
    public DeviceContact UserPut(string? contactId, JsonObject fields)
    {
        lock (gate) return Put(contactId ?? Guid.NewGuid().ToString("n"), fields, contactId is null ? null : contacts.GetValueOrDefault(contactId)?.Marker);
    }

    public bool UserDelete(string contactId)
    {
        lock (gate) return contacts.ContainsKey(contactId) && Remove(contactId);
    }

    public void Wipe()
    {
        lock (gate) foreach (var c in contacts.Keys.ToList()) Remove(c);
    }

    /// <summary>Every token issued so far stops working: the next listing with one of them is full.</summary>
    public void ExpireTokens()
    {
        lock (gate) oldestValidToken = seq + 1;
    }

    public IReadOnlyList<DeviceContact> Contents()
    {
        lock (gate) return [.. contacts.Values.OrderBy(c => c.Id, StringComparer.Ordinal)];
    }

    public DeviceCounters Counters()
    {
        lock (gate) return new(lists, fullListings, gets, applies, operations, unauthorized);
    }

    DeviceContact Put(string contactId, JsonObject fields, string? marker)
    {
        var c = new DeviceContact(contactId, (++seq).ToString(CultureInfo.InvariantCulture), (JsonObject)fields.DeepClone(), marker, DateTimeOffset.UtcNow);
        contacts[contactId] = c;
        log.Add(new Change(seq, contactId));
        return c;
    }

    bool Remove(string contactId)
    {
        contacts.Remove(contactId);
        log.Add(new Change(++seq, contactId));
        return true;
    }
}
