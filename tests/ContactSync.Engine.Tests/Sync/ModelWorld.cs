using ContactSync.Engine.InMemory;
using ContactSync.Engine.Items;
using ContactSync.Engine.Normalisation;
using ContactSync.Engine.Projection;
using ContactSync.Engine.Sync;

namespace ContactSync.Engine.Tests.Sync;

/// <summary>
/// One random history: people edit both sides while sync runs crash at random steps and are retried. It remembers what
/// only the hub can know (each hub item's notes, which the remote cannot hold) and which hub items a remote deletion may
/// legitimately take away, to check afterwards that nothing in the hub was lost.
/// </summary>
public sealed class ModelWorld(int seed, bool exchange)
{
    private static readonly string[] Emails = ["a@x.pl", "b@x.cz", "c@x.lt", "d@x.de", "e@x.at", "f@x.ch"];
    private static readonly string[] Names = ["Łukasz", "Jiří", "Žydrūnas", "Jürgen", "Anna", "Ola"];
    private readonly Random _rng = new(seed);
    public readonly Dictionary<string, string?> HubNotes = new(StringComparer.Ordinal);
    public readonly HashSet<string> MayLoseFromHub = new(StringComparer.Ordinal);
    public Harness H = null!;
    public int Crashes;
    /// <summary>What happened, step by step, for the failure message.</summary>
    public readonly List<string> Trace = [];

    public Harness Build()
    {
        var options = new SyncOptions
        {
            Direction = Pick(Enum.GetValues<SyncDirection>()),
            Policy = Pick(Enum.GetValues<ConflictPolicy>()),
            DeleteMode = Pick(Enum.GetValues<DeleteMode>()),
            Scope = new Scope(SyncTag: "t1"),
            Projection = exchange ? ExchangeContactProjection.Instance : TestProjection.Instance,
            MatchKeys = exchange ? ContactMatchKeys.Function : TestProjection.EmailKeys,
            Rails = new RailOptions { StopWhenSideEmpty = false, MassDeleteShare = 1.0 },
            BatchSize = 1 + _rng.Next(4),
        };
        H = new Harness(options, remoteReadOnly: options.Direction == SyncDirection.Import && _rng.Next(3) == 0);
        Trace.Add($"{(exchange ? "exchange" : "test")} projection {options.Direction} {options.Policy} {options.DeleteMode} batch={options.BatchSize} remoteReadOnly={H.Remote.IsReadOnly}");
        return H;
    }

    public async Task StepAsync()
    {
        switch (_rng.Next(12))
        {
            case 0: HubCreate(); break;
            case 1: HubEdit(); break;
            case 2: HubDelete(); break;
            case 3: RemoteCreate(); break;
            case 4: RemoteEdit(); break;
            case 5: RemoteDelete(); break;
            case 6: H.Remote.ExpireTokens(); Trace.Add("remote tokens expire"); break;
            case 7: await PartialSyncAsync(); break;
            case 8: Touch(); break;
            default: await SyncAsync(crashAt: _rng.Next(2) == 0 ? 1 + _rng.Next(12) : 0); break;
        }
    }

    /// <summary>A run that may crash after any step; a crash is what a killed worker does, and the queue retries.</summary>
    public async Task<RunReport?> SyncAsync(int crashAt)
    {
        H.Faults.Reset(crashAt, failWriteAt: crashAt == 0 && _rng.Next(4) == 0 ? 1 + _rng.Next(4) : 0);
        try
        {
            var report = await H.SyncAsync();
            Trace.Add($"sync: {report}");
            return report;
        }
        catch (SimulatedCrashException e) { Crashes++; Trace.Add($"sync: {e.Message}"); return null; }
        finally { H.Faults.Reset(); }
    }

    /// <summary>A webhook's partial sync of a few remote ids (some may be deleted), which may crash too.</summary>
    private async Task PartialSyncAsync()
    {
        var ids = H.Remote.Items.Select(i => i.Id).Concat(_deletedRemote).Where(_ => _rng.Next(2) == 0).ToList();
        H.Faults.Reset(_rng.Next(2) == 0 ? 1 + _rng.Next(6) : 0);
        try { Trace.Add($"partial sync [{string.Join(",", ids)}]: {await H.Engine.RunAsync(H.Options, new PartialIds([], ids))}"); }
        catch (SimulatedCrashException e) { Crashes++; Trace.Add($"partial sync [{string.Join(",", ids)}]: {e.Message}"); }
        finally { H.Faults.Reset(); }
    }

    private readonly List<string> _deletedRemote = [];

    private T Pick<T>(IReadOnlyList<T> from) => from[_rng.Next(from.Count)];

    private FieldMap NewContact(bool forRemote)
    {
        var emails = Enumerable.Range(0, 1 + _rng.Next(forRemote ? 2 : exchange ? 5 : 3)).Select(_ => Pick(Emails)).Distinct();
        var item = FieldMap.Empty.With("givenName", Pick(Names)).With("surname", "Nowak").WithList("emails", emails);
        return forRemote ? item : item.With("notes", _rng.Next(2) == 0 ? $"note {_rng.Next(100)}" : null).WithList(Scope.SyncTagsField, ["t1"]);
    }

    private void HubCreate()
    {
        var item = NewContact(forRemote: false);
        var id = H.Hub.UserCreate(item).Id;
        HubNotes[id] = item["notes"];
        Trace.Add($"hub create {id}: {item}");
    }

    private void HubEdit()
    {
        if (H.Hub.Items.Count == 0) return;
        var target = Pick(H.Hub.Items.ToList());
        var item = _rng.Next(4) switch
        {
            0 => target.Item.With("notes", $"note {_rng.Next(100)}"),
            1 => target.Item.With("jobTitle", $"hub job {_rng.Next(5)}"),
            2 => target.Item.WithList(Scope.SyncTagsField, target.Item[Scope.SyncTagsField] is null ? ["t1"] : []), // the tag comes or goes
            _ => target.Item.With("surname", Pick(Names)),
        };
        H.Hub.UserEdit(target.Id, item);
        Trace.Add($"hub edit {target.Id}: {item}");
        HubNotes[target.Id] = item["notes"];
    }

    private void HubDelete()
    {
        if (H.Hub.Items.Count == 0) return;
        var target = Pick(H.Hub.Items.ToList());
        H.Hub.UserDelete(target.Id);
        Trace.Add($"hub delete {target.Id}");
        HubNotes.Remove(target.Id);
    }

    /// <summary>A flaky version: the store moves an item's version without changing it (Exchange does on a read receipt).</summary>
    private void Touch()
    {
        var store = _rng.Next(2) == 0 ? H.Hub : H.Remote;
        if (store.Items.Count == 0) return;
        var target = Pick(store.Items.ToList());
        store.UserEdit(target.Id, target.Item);
        Trace.Add($"{store.Name} touch {target.Id}");
    }

    private void RemoteCreate()
    {
        var item = NewContact(forRemote: true);
        Trace.Add($"remote create {H.Remote.UserCreate(item).Id}: {item}");
    }

    private void RemoteEdit()
    {
        if (H.Remote.Items.Count == 0) return;
        var target = Pick(H.Remote.Items.ToList());
        var item = _rng.Next(2) == 0
            ? target.Item.With("jobTitle", $"remote job {_rng.Next(5)}")
            : target.Item.WithList("emails", [Pick(Emails)]);
        H.Remote.UserEdit(target.Id, item);
        Trace.Add($"remote edit {target.Id}: {item}");
    }

    private void RemoteDelete()
    {
        if (H.Remote.Items.Count == 0) return;
        var target = Pick(H.Remote.Items.ToList());
        H.Remote.UserDelete(target.Id);
        _deletedRemote.Add(target.Id);
        Trace.Add($"remote delete {target.Id}");
        // A remote deletion may take the hub item paired with it (delete mode propagate), now or after a retry.
        foreach (var row in H.Status.Rows.Where(r => r.RemoteId == target.Id)) MayLoseFromHub.Add(row.HubId);
        foreach (var hub in H.Hub.Items.Where(i => i.Marker == target.Id || i.Id == target.Marker)) MayLoseFromHub.Add(hub.Id);
    }
}
