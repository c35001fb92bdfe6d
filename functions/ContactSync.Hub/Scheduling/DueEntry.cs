using ContactSync.Hub.SyncState;

namespace ContactSync.Hub.Scheduling;

/// <summary>A due index row: the (tenant, target, section), its minute bucket, the due instant, and the ETag a claim is
/// conditional on.</summary>
public sealed record DueEntry(SyncKey Key, string Bucket, DateTimeOffset DueUtc, string ETag);
