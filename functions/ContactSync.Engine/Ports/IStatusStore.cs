using ContactSync.Engine.Sync;

namespace ContactSync.Engine.Ports;

/// <summary>The status rows of one target (one row per item pair, keyed by hub id) and its two sync tokens.
/// The executor saves a row only after the write it records is confirmed.</summary>
public interface IStatusStore
{
    Task<IReadOnlyList<StatusRow>> LoadAsync(CancellationToken ct = default);
    /// <summary>Saves the row; with <paramref name="replaces"/>, removes that hub id's row in the same atomic step (the
    /// pair's hub item was re-created under a new id). Both rows are one target's: one partition, one batch.</summary>
    Task SaveAsync(StatusRow row, string? replaces = null, CancellationToken ct = default);
    Task RemoveAsync(string hubId, CancellationToken ct = default);
    Task<SyncTokens> LoadTokensAsync(CancellationToken ct = default);
    Task SaveTokensAsync(SyncTokens tokens, CancellationToken ct = default);

    /// <summary>Whether a run may have stopped between a create and its status row: set before a run sends its first
    /// create, cleared once every create of the run was confirmed or refused. Only while it is set do creates first look
    /// for an earlier copy by its marker, so a sync that was not interrupted costs one write per item and no lookup.</summary>
    Task<bool> LoadCreatesInFlightAsync(CancellationToken ct = default);

    Task SaveCreatesInFlightAsync(bool inFlight, CancellationToken ct = default);
}

/// <summary>The opaque delta tokens of each side, saved only after a run that left nothing to retry.</summary>
public sealed record SyncTokens(string? Hub, string? Remote)
{
    public static readonly SyncTokens None = new(null, null);
}
