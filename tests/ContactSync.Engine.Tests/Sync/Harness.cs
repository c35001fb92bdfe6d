using ContactSync.Engine.InMemory;
using ContactSync.Engine.Items;
using ContactSync.Engine.Sync;

namespace ContactSync.Engine.Tests.Sync;

/// <summary>A hub, a remote with limits and a status store, all in memory with one fault injector, and the engine over them.</summary>
public sealed class Harness
{
    public readonly FaultInjector Faults = new();
    public readonly InMemoryItemStore Hub;
    public readonly InMemoryItemStore Remote;
    public readonly InMemoryStatusStore Status;
    public SyncOptions Options;
    public SyncEngine Engine => new(Hub, Remote, Status);

    /// <summary>The remote refuses what <see cref="SyncOptions.Projection"/> could not hold, as Exchange refuses it.</summary>
    public Harness(SyncOptions? options = null, bool remoteReadOnly = false)
    {
        Options = options ?? new SyncOptions { Projection = TestProjection.Instance, MatchKeys = TestProjection.EmailKeys };
        Hub = new InMemoryItemStore("hub", faults: Faults);
        Remote = new InMemoryItemStore("remote", Options.Projection, remoteReadOnly, Faults);
        Status = new InMemoryStatusStore(Faults);
    }

    public Task<RunReport> SyncAsync() => Engine.RunAsync(Options);
    public Task<Plan> PlanAsync() => Engine.PlanAsync(Options);

    /// <summary>The remote item as the remote should hold the hub item <paramref name="hub"/>.</summary>
    public static FieldMap Held(FieldMap hub) => Held(TestProjection.Instance, hub);

    public static FieldMap Held(IProjection projection, FieldMap hub) => projection.Project(hub.With(Scope.SyncTagsField, null)).Item;

    public static FieldMap Contact(string given, string email, string? notes = null, string? tag = "t1") => FieldMap.Empty
        .With("givenName", given).With("surname", "Nowak").WithList("emails", [email]).With("notes", notes)
        .WithList(Scope.SyncTagsField, tag is null ? [] : [tag]);
}
