using ContactSync.Engine.Items;

namespace ContactSync.Engine.Sync;

/// <summary>Wraps a target's projection so that the engine's own hub-only fields (the sync tags) never leave the hub,
/// whatever the target could hold, and are never read back as deleted.</summary>
internal sealed class HubFieldsProjection(IProjection inner) : IProjection
{
    public ProjectionResult Project(FieldMap hub) => inner.Project(hub.With(Scope.SyncTagsField, null));

    public FieldMap MergeBack(FieldMap hub, FieldMap remote) =>
        inner.MergeBack(hub, remote.With(Scope.SyncTagsField, null)).With(Scope.SyncTagsField, hub[Scope.SyncTagsField]);
}
