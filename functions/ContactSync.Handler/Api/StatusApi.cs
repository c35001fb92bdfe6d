using System.Text.Json.Serialization;
using ContactSync.Handler.Backups;
using ContactSync.Hub.Backups;
using ContactSync.Hub.Policies;
using ContactSync.Hub.SyncState;
using ContactSync.Hub.Targets;
using ContactSync.Storage;

namespace ContactSync.Handler.Api;

/// <summary>What a target looks like (M4, M5, M8): <c>GET .../targets/{id}/status</c> (its kind and, for a device, the
/// endpoint without its credential; per section: sync type, interval, next expected sync, last sync and result, counts,
/// errors, progress; the backup schedule and newest snapshot when the policy has one), <c>.../runs</c> (newest first) and
/// <c>.../contacts?section=</c> (what the target holds per its status rows: the content last synced).</summary>
public static class StatusApi
{
    public static RouteGroupBuilder MapStatusApi(this IEndpointRouteBuilder app)
    {
        var tenant = TenantRoutes.Group(app);
        tenant.MapGet("/targets/{targetId}/status", StatusAsync);
        tenant.MapGet("/targets/{targetId}/runs", RunsAsync);
        tenant.MapGet("/targets/{targetId}/contacts", ContactsAsync);
        return tenant;
    }

    public sealed record SectionStatus(string SyncType, string? Interval, DateTimeOffset? NextExpectedSync, DateTimeOffset? LastSync,
        string? LastResult, IReadOnlyDictionary<string, int> Counts, int Errors, SyncProgress? Progress, string? RunningJob);

    public sealed record TargetStatus(string TargetId, string PolicyId, string Kind, string? Mailbox,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DeviceView? Device,
        IReadOnlyDictionary<string, SectionStatus> Sections,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] BackupStatus? Backup);

    /// <summary>A device's endpoint as the status shows it: never its credential (nor the setting that names it).</summary>
    public sealed record DeviceView(string Protocol, string Url, string? Name);

    public sealed record TargetContact(string HubId, string? RemoteId, IReadOnlyDictionary<string, string> Contact);

    private static async Task<IResult> StatusAsync(string tenantId, string targetId, TargetStore targets, PolicyStore policies,
        SyncStateStore state, ITableStore tables, TimeProvider clock, CancellationToken ct)
    {
        if (await targets.GetAsync(tenantId, targetId, ct) is not { } target) return NoTarget(targetId);
        var policy = await policies.GetAsync(tenantId, target.PolicyId, ct);
        var states = (await state.ListAsync(tenantId, targetId, ct)).ToDictionary(s => s.Key.Section, StringComparer.Ordinal);
        var sections = new SortedDictionary<string, SectionStatus>(StringComparer.Ordinal);
        foreach (var (name, section) in policy?.Sections() ?? [])
        {
            var s = states.GetValueOrDefault(name);
            sections[name] = new SectionStatus(SyncType(section), s?.Interval ?? section.Interval.ToString(), s?.NextDue, s?.LastRun?.At,
                s?.LastRun?.Result, s?.LastRun?.Counts ?? new Dictionary<string, int>(), s?.LastRun?.Errors ?? 0, s?.Progress, s?.Lease?.Owner);
        }
        var backup = policy?.Backup is { } b
            ? await BackupStatus.ReadAsync(tenantId, targetId, b, states.GetValueOrDefault(BackupSection.Name), tables, clock, ct)
            : null;
        var device = target.Device is { } d ? new DeviceView(Camel(d.Protocol), d.Url, d.Name) : null;
        return TypedResults.Ok(new TargetStatus(target.Id, target.PolicyId, Camel(target.Kind), target.Mailbox, device, sections, backup));
    }

    private static async Task<IResult> RunsAsync(string tenantId, string targetId, int? top, string? section, TargetStore targets,
        RunStore runs, CancellationToken ct)
    {
        if (await targets.GetAsync(tenantId, targetId, ct) is null) return NoTarget(targetId);
        return TypedResults.Ok(await runs.ListAsync(tenantId, targetId, Math.Clamp(top ?? 20, 1, 200), section, ct));
    }

    private static async Task<IResult> ContactsAsync(string tenantId, string targetId, string? section, TargetStore targets,
        ITableStore tables, CancellationToken ct)
    {
        if (await targets.GetAsync(tenantId, targetId, ct) is null) return NoTarget(targetId);
        section ??= PolicySections.Contacts;
        if (!PolicySections.All.Contains(section)) return TenantRoutes.Problem(400, "Unknown section", $"section must be one of: {string.Join(", ", PolicySections.All)}.");
        var rows = await new TableStatusStore(tables, new SyncKey(tenantId, targetId, section)).LoadAsync(ct);
        return TypedResults.Ok(rows.Where(r => !r.IsUnlinked).OrderBy(r => r.HubId, StringComparer.Ordinal)
            .Select(r => new TargetContact(r.HubId, r.RemoteId, r.Base.Values)));
    }

    private static string SyncType(IPolicySection s) => s switch
    {
        BusinessContactsSection b => $"businessContacts ({Camel(b.BaseType)})",
        ContactsSection c => $"contacts ({Camel(c.Direction)})",
        _ => s.GetType().Name,
    };

    /// <summary>Enum values as the API's JSON writes them (<c>ownGroups</c>, <c>twoWay</c>).</summary>
    private static string Camel<T>(T value) where T : struct, Enum => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    internal static IResult NoTarget(string targetId) => TenantRoutes.Problem(404, "No such target", $"Target '{targetId}' does not exist.");
}
