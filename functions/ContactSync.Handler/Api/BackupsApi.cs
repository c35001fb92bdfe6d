using ContactSync.Devices.VCard;
using System.Text;
using System.Text.Json.Serialization;
using ContactSync.Engine.Items;
using ContactSync.Handler.Jobs;
using ContactSync.Handler.Sync;
using ContactSync.Hub.Backups;
using ContactSync.Hub.Policies;
using ContactSync.Hub.Targets;
using ContactSync.Hub.Tenants;
using ContactSync.Storage;

namespace ContactSync.Handler.Api;

/// <summary>
/// Backups of a target's contacts (M23, DESIGN.md §4): <c>GET|POST /api/tenants/{t}/targets/{id}/backups</c> (list
/// newest first | take one now, then keep the policy's backup.keepLast, default 7), <c>GET …/backups/{b}</c>, <c>POST …/backups/{b}/restore</c>, <c>GET
/// …/backups/{b}/export?format=csv[&amp;layout=outlook|plain]|vcf</c> and the extra <c>GET …/backups/{a}/diff/{b}</c>.
/// Taking and restoring run in the request and answer 201/200 with the result: one target's contacts are one listing
/// and a few batched reads (seconds for thousands), and the caller learns at once whether it worked.
/// </summary>
public static class BackupsApi
{
    public static RouteGroupBuilder MapBackupsApi(this IEndpointRouteBuilder app)
    {
        var tenant = TenantRoutes.Group(app);
        tenant.MapGet("/targets/{targetId}/backups", ListAsync);
        tenant.MapPost("/targets/{targetId}/backups", TakeAsync);
        tenant.MapGet("/targets/{targetId}/backups/{backupId}", GetAsync);
        tenant.MapPost("/targets/{targetId}/backups/{backupId}/restore", RestoreAsync);
        tenant.MapGet("/targets/{targetId}/backups/{backupId}/export", ExportAsync);
        tenant.MapGet("/targets/{targetId}/backups/{fromId}/diff/{toId}", DiffAsync);
        return tenant;
    }

    public sealed record RestoreRequest(string? ToTarget, string? Mode);

    public sealed record RestoreView(string BackupId, string ToTarget, string Mode, int Planned, IReadOnlyDictionary<string, int> Counts,
        int Removed, int Errors, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? StoppedBy);

    private static async Task<IResult> ListAsync(string tenantId, string targetId, TargetStore targets, ITableStore tables, TimeProvider clock, CancellationToken ct) =>
        await targets.GetAsync(tenantId, targetId, ct) is null
            ? NoTarget(targetId)
            : TypedResults.Ok(await new SnapshotStore(tables, clock).ListAsync(tenantId, targetId, ct));

    private static async Task<IResult> TakeAsync(string tenantId, string targetId, TenantStore tenants, TargetStore targets,
        PolicyStore policies, TargetEndpoints endpoints, ITableStore tables, TimeProvider clock, CancellationToken ct)
    {
        var opened = await OpenAsync(tenantId, targetId, tenants, targets, endpoints, ct);
        if (opened.Problem is { } problem) return problem;
        var side = opened.Side!;
        var store = new SnapshotStore(tables, clock);
        var snapshot = await store.TakeAsync(tenantId, targetId, side.Store, Snapshot.OnDemand, ct);
        var keep = (await policies.GetAsync(tenantId, side.Target.PolicyId, ct))?.Backup?.KeepLast ?? BackupSection.DefaultKeepLast;
        await store.PruneAsync(tenantId, targetId, keep, ct);
        return TypedResults.Created($"/api/tenants/{tenantId}/targets/{targetId}/backups/{snapshot.SnapshotId}", snapshot);
    }

    private static async Task<IResult> GetAsync(string tenantId, string targetId, string backupId, ITableStore tables, TimeProvider clock, CancellationToken ct) =>
        await new SnapshotStore(tables, clock).GetAsync(tenantId, targetId, backupId, ct) is { } s ? TypedResults.Ok(s) : NoBackup(backupId);

    private static async Task<IResult> RestoreAsync(string tenantId, string targetId, string backupId, RestoreRequest? body,
        TenantStore tenants, TargetStore targets, TargetEndpoints endpoints, ITableStore tables, TimeProvider clock, CancellationToken ct)
    {
        var mode = body?.Mode ?? "additive";
        if (mode is not ("exact" or "additive"))
            return TenantRoutes.Problem(400, "Bad mode", "mode must be \"exact\" or \"additive\".");
        var toTarget = body?.ToTarget ?? targetId;
        if (!TenantRoutes.IsId(toTarget)) return TenantRoutes.Problem(400, "Bad toTarget", "Ids are [A-Za-z0-9._-]{1,64}.");
        var store = new SnapshotStore(tables, clock);
        if (await store.GetAsync(tenantId, targetId, backupId, ct) is not { } snapshot) return NoBackup(backupId);
        var opened = await OpenAsync(tenantId, toTarget, tenants, targets, endpoints, ct);
        if (opened.Problem is { } problem) return problem;
        var side = opened.Side!;
        // Back to the same target the snapshot's items are written as they were read from it (they fit it, and a number
        // the user typed stays as typed); another target gets them through its projection (its limits, canonical phones).
        var sameTarget = toTarget == targetId;
        var result = await SnapshotRestore.RunAsync(await store.ItemsAsync(snapshot, ct), side.Store, sameTarget,
            mode == "exact" ? RestoreMode.Exact : RestoreMode.Additive, sameTarget ? IdentityProjection.Instance : side.Projection, ct);
        var r = result.Report;
        return TypedResults.Ok(new RestoreView(backupId, toTarget, mode, r.Planned, r.Counts.ToDictionary(c => c.Key.ToString(), c => c.Value),
            result.Removed, r.Errors.Count + result.RemoveErrors.Count, r.StoppedBy?.Reason));
    }

    private static async Task<IResult> ExportAsync(string tenantId, string targetId, string backupId, string? format, string? layout,
        ITableStore tables, TimeProvider clock, CancellationToken ct)
    {
        format ??= "csv";
        if (format is not ("csv" or "vcf"))
            return TenantRoutes.Problem(400, "Unsupported format", "format must be csv or vcf.");
        var store = new SnapshotStore(tables, clock);
        if (await store.GetAsync(tenantId, targetId, backupId, ct) is not { } snapshot) return NoBackup(backupId);
        var items = await store.ItemsAsync(snapshot, ct);
        return format == "csv"
            ? TypedResults.File(SnapshotCsv.ToBytes(items, layout), "text/csv; charset=utf-8", $"{targetId}-{backupId}.csv")
            // vCard 4.0 (RFC 6350), one card per item, keyed by the item's id in the target.
            : TypedResults.File(Encoding.UTF8.GetBytes(string.Concat(items.Select(i => VCardWriter.Write(i.Fields, i.RemoteId)))),
                "text/vcard; charset=utf-8", $"{targetId}-{backupId}.vcf");
    }

    private static async Task<IResult> DiffAsync(string tenantId, string targetId, string fromId, string toId, ITableStore tables, TimeProvider clock,
        CancellationToken ct)
    {
        var store = new SnapshotStore(tables, clock);
        if (await store.GetAsync(tenantId, targetId, fromId, ct) is not { } from) return NoBackup(fromId);
        if (await store.GetAsync(tenantId, targetId, toId, ct) is not { } to) return NoBackup(toId);
        var diff = SnapshotDiff.Between(await store.ItemsAsync(from, ct), await store.ItemsAsync(to, ct));
        return TypedResults.Ok(new
        {
            added = diff.Added.Select(View),
            changed = diff.Changed.Select(c => new { key = c.Key, remoteId = c.To.RemoteId, fields = c.Fields }),
            removed = diff.Removed.Select(View),
        });
    }

    private static object View(SnapshotItem i) => new { key = i.Key, remoteId = i.RemoteId, fields = i.Fields.Values };

    // The target's contacts (mailbox or device); a target that cannot be opened as configured (no credential setting,
    // a device refusing the token) is the caller's configuration to fix: 409 with the reason, not a 500; a device that
    // does not answer at all is 502.
    private static async Task<(TargetSide? Side, IResult? Problem)> OpenAsync(string tenantId, string targetId, TenantStore tenants,
        TargetStore targets, TargetEndpoints endpoints, CancellationToken ct)
    {
        if (await tenants.GetAsync(tenantId, ct) is not { } tenant || await targets.GetAsync(tenantId, targetId, ct) is not { } target)
            return (null, NoTarget(targetId));
        try { return (await endpoints.OpenAsync(tenant, target, null, ct), null); }
        catch (JobFailedException e) { return (null, TenantRoutes.Problem(409, "Target cannot be opened", e.Message)); }
        catch (HttpRequestException e) { return (null, TenantRoutes.Problem(502, "Device unreachable", $"Target '{targetId}' did not answer: {e.Message}")); }
    }

    private static IResult NoTarget(string id) => TenantRoutes.Problem(404, "No such target", $"Target '{id}' does not exist.");
    private static IResult NoBackup(string id) => TenantRoutes.Problem(404, "No such backup", $"Backup '{id}' does not exist.");
}
