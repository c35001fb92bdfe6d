namespace ContactSync.Handler.Sync;

/// <summary>How sync jobs reach Graph (<c>Sync__*</c>). In Azure both Graph settings stay unset: each tenant's own
/// settings and credential are used. In development and tests <see cref="GraphBaseUrl"/> points every tenant at the Graph
/// sandbox and <see cref="GraphSandbox"/> uses its token (<c>sandbox.{tenant}.{app}</c>) instead of a credential.</summary>
public sealed class SyncSettings
{
    public const string Section = "Sync";

    public string? GraphBaseUrl { get; set; }
    public bool GraphSandbox { get; set; }

    /// <summary>How long a job waits before it tries again when another job holds its (target, section).</summary>
    public TimeSpan BusyRetryDelay { get; set; } = TimeSpan.FromSeconds(15);
}
