using System.Globalization;
using ContactSync.Engine.Items;
using ContactSync.Engine.Ports;

namespace ContactSync.Engine.InMemory;

/// <summary>
/// A real <see cref="IItemStore"/> in memory that keeps the rules a remote keeps: a new version on every write, a stale
/// version refused with <see cref="VersionMismatchException"/>, a missing item with <see cref="ItemNotFoundException"/>,
/// values beyond the <paramref name="limits"/> refused as Exchange refuses them, writes refused when read-only, delta
/// tokens (a full listing when none is given or after <see cref="ExpireTokens"/>) and managed-item markers.
/// The <c>User…</c> methods are edits made outside the engine: a person, another client.
/// </summary>
public sealed class InMemoryItemStore(string name, IProjection? limits = null, bool readOnly = false, FaultInjector? faults = null) : IItemStore
{
    private readonly Dictionary<string, StoredItem> _items = new(StringComparer.Ordinal);
    private readonly List<(long Seq, string Id)> _log = [];
    private static long s_clock; // one clock for every store in the process, so that newestWins can compare them
    private long _seq, _epoch;
    private int _nextId;

    public string Name { get; } = name;
    public bool IsReadOnly { get; } = readOnly;
    public FaultInjector? Faults { get; set; } = faults;
    /// <summary>Writes the engine made that the store accepted.</summary>
    public int AcceptedWrites { get; private set; }
    /// <summary>Calls to <see cref="ListChangesAsync"/>, and to <see cref="GetManyAsync"/> or <see cref="FindByMarkersAsync"/>.</summary>
    public int ListCalls { get; private set; }
    public int ReadCalls { get; private set; }
    /// <summary>Calls to <see cref="WriteAsync"/>: one per batch.</summary>
    public int WriteCalls { get; private set; }
    /// <summary>Writes the engine sent, accepted or not.</summary>
    public int AttemptedWrites { get; private set; }
    public IReadOnlyCollection<StoredItem> Items => _items.Values;
    public StoredItem? this[string id] => _items.GetValueOrDefault(id);

    public Task<ChangeSet> ListChangesAsync(string? syncToken, CancellationToken ct = default)
    {
        ListCalls++;
        var token = $"{_epoch}:{_seq}";
        var since = Since(syncToken);
        if (since is null)
            return Task.FromResult(new ChangeSet(_items.Values.Select(i => new ItemVersion(i.Id, i.Version)).ToList(), [], true, token));
        var ids = _log.Where(e => e.Seq > since).Select(e => e.Id).Distinct().ToList();
        var changed = ids.Where(_items.ContainsKey).Select(i => new ItemVersion(i, _items[i].Version)).ToList();
        return Task.FromResult(new ChangeSet(changed, ids.Where(i => !_items.ContainsKey(i)).ToList(), false, token));
    }

    public Task<IReadOnlyList<StoredItem>> GetManyAsync(IReadOnlyCollection<string> ids, CancellationToken ct = default)
    {
        ReadCalls++;
        return Task.FromResult<IReadOnlyList<StoredItem>>(ids.Distinct().Where(_items.ContainsKey).Select(i => _items[i]).ToList());
    }

    public Task<IReadOnlyList<StoredItem>> FindByMarkersAsync(IReadOnlyCollection<string> markers, CancellationToken ct = default)
    {
        ReadCalls++;
        var set = markers.ToHashSet(StringComparer.Ordinal);
        return Task.FromResult<IReadOnlyList<StoredItem>>(_items.Values.Where(i => i.Marker is { } m && set.Contains(m)).ToList());
    }

    public Task<IReadOnlyList<WriteResult>> WriteAsync(IReadOnlyList<WriteOp> ops, CancellationToken ct = default)
    {
        WriteCalls++;
        var results = new List<WriteResult>(ops.Count);
        foreach (var op in ops)
        {
            AttemptedWrites++;
            var result = Apply(op);
            results.Add(result);
            if (result.Ok) { AcceptedWrites++; Faults?.Step($"{Name} {op.GetType().Name}"); }
        }
        return Task.FromResult<IReadOnlyList<WriteResult>>(results);
    }

    private WriteResult Apply(WriteOp op)
    {
        if (IsReadOnly) return WriteResult.Failure(op, new ReadOnlyStoreException(Name));
        if (Faults?.FailThisWrite() == true)
            return WriteResult.Failure(op, new ItemStoreException("The remote failed the write", null, "ErrorInternalServerTransientError: injected failure"));
        switch (op)
        {
            case CreateOp c:
                if (Rejected(null, c.Item) is { } bad) return WriteResult.Failure(op, bad);
                var created = Put($"{Name}-{++_nextId}", c.Item, c.Marker);
                return WriteResult.Success(op, created.Id, created.Version);
            case UpdateOp u:
                if (Check(u.Id, u.IfVersion) is { } e) return WriteResult.Failure(op, e);
                if (Rejected(u.Id, u.Item) is { } rejected) return WriteResult.Failure(op, rejected);
                var updated = Put(u.Id, u.Item, _items[u.Id].Marker);
                return WriteResult.Success(op, updated.Id, updated.Version);
            case DeleteOp d:
                if (Check(d.Id, d.IfVersion) is { } de) return WriteResult.Failure(op, de);
                Drop(d.Id);
                return WriteResult.Success(op, d.Id, "");
            default:
                throw new ArgumentException($"Unknown write {op.GetType().Name}", nameof(op));
        }
    }

    private ItemStoreException? Check(string id, string ifVersion) =>
        !_items.TryGetValue(id, out var item) ? new ItemNotFoundException(id, "ErrorItemNotFound: The specified object was not found in the store.")
        : item.Version != ifVersion ? new VersionMismatchException(id, ifVersion, item.Version, "ErrorIrresolvableConflict: The change key passed in the request does not match the current change key for the item.")
        : null;

    private ItemRejectedException? Rejected(string? id, FieldMap item)
    {
        if (limits is null) return null;
        var projected = limits.Project(item);
        return projected.Item.Equals(item) ? null
            : new ItemRejectedException(id, $"ErrorInvalidProperty: {string.Join("; ", projected.Warnings.DefaultIfEmpty("a value exceeds the store's limits"))}");
    }

    private StoredItem Put(string id, FieldMap item, string? marker)
    {
        var stored = new StoredItem(id, (++_seq).ToString(CultureInfo.InvariantCulture), item, marker, DateTimeOffset.UnixEpoch.AddSeconds(Interlocked.Increment(ref s_clock)));
        _items[id] = stored;
        _log.Add((_seq, id));
        return stored;
    }

    private void Drop(string id)
    {
        _items.Remove(id);
        _log.Add((++_seq, id));
    }

    private long? Since(string? token)
    {
        if (token?.Split(':') is not [var epoch, var seq] || epoch != _epoch.ToString(CultureInfo.InvariantCulture)) return null;
        return long.Parse(seq, CultureInfo.InvariantCulture);
    }

    /// <summary>Makes every token issued so far expire: the next listing is a full one (Graph's 410 Gone / syncStateNotFound).</summary>
    public void ExpireTokens() => _epoch++;

    public StoredItem UserCreate(FieldMap item, string? marker = null) => Put($"{Name}-{++_nextId}", item, marker);
    public StoredItem UserEdit(string id, FieldMap item) => Put(id, item, _items[id].Marker);
    public void UserDelete(string id) => Drop(id);
}
