using ContactSync.Engine.Ports;
using ContactSync.Engine.Sync;

namespace ContactSync.Engine.InMemory;

/// <summary>Status rows and tokens of one target in memory. A crash injected before a save leaves the row unsaved.</summary>
public sealed class InMemoryStatusStore(FaultInjector? faults = null) : IStatusStore
{
    private readonly Dictionary<string, StatusRow> _rows = new(StringComparer.Ordinal);
    private SyncTokens _tokens = SyncTokens.None;
    private bool _createsInFlight;

    public FaultInjector? Faults { get; set; } = faults;
    public IReadOnlyCollection<StatusRow> Rows => _rows.Values;

    public Task<IReadOnlyList<StatusRow>> LoadAsync(CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<StatusRow>>(_rows.Values.OrderBy(r => r.HubId, StringComparer.Ordinal).ToList());

    public Task SaveAsync(StatusRow row, string? replaces = null, CancellationToken ct = default)
    {
        Faults?.Step($"save row {row.HubId}");
        if (replaces is not null) _rows.Remove(replaces);
        _rows[row.HubId] = row;
        return Task.CompletedTask;
    }

    public Task RemoveAsync(string hubId, CancellationToken ct = default)
    {
        Faults?.Step($"remove row {hubId}");
        _rows.Remove(hubId);
        return Task.CompletedTask;
    }

    public Task<SyncTokens> LoadTokensAsync(CancellationToken ct = default) => Task.FromResult(_tokens);

    public Task SaveTokensAsync(SyncTokens tokens, CancellationToken ct = default)
    {
        Faults?.Step("save tokens");
        _tokens = tokens;
        return Task.CompletedTask;
    }

    public Task<bool> LoadCreatesInFlightAsync(CancellationToken ct = default) => Task.FromResult(_createsInFlight);

    // Not a fault step: a crash at this one write is the same as a crash just before or just after it.
    public Task SaveCreatesInFlightAsync(bool inFlight, CancellationToken ct = default)
    {
        _createsInFlight = inFlight;
        return Task.CompletedTask;
    }
}
