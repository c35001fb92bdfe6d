using ContactSync.Devices.VCard;
using System.Text;
using ContactSync.Handler.Backups;
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
/// Taking one runs in the request and answers 201 with it: one target's contacts are one listing and a few batched reads
/// (seconds for thousands). A restore is a job (202 and the job's URL): see <see cref="Backups.RestoreRunner"/>.
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

    // A restore writes every item that differs (thousands to a wiped mailbox, at Graph's pace): a job, like a sync, whose
    // URL the caller polls; the run lands in the target's runs with its per-item errors.
    private static async Task<IResult> RestoreAsync(string tenantId, string targetId, string backupId, RestoreRequest? body,
        TargetStore targets, JobScheduler scheduler, ITableStore tables, TimeProvider clock, CancellationToken ct)
    {
        var mode = body?.Mode ?? "additive";
        if (mode is not ("exact" or "additive"))
            return TenantRoutes.Problem(400, "Bad mode", "mode must be \"exact\" or \"additive\".");
        var toTarget = body?.ToTarget ?? targetId;
        if (!TenantRoutes.IsId(toTarget)) return TenantRoutes.Problem(400, "Bad toTarget", "Ids are [A-Za-z0-9._-]{1,64}.");
        if (await new SnapshotStore(tables, clock).GetAsync(tenantId, targetId, backupId, ct) is null) return NoBackup(backupId);
        if (await targets.GetAsync(tenantId, toTarget, ct) is null) return NoTarget(toTarget);
        var job = await scheduler.EnqueueRestoreAsync(tenantId, toTarget, new RestoreInput(targetId, backupId, mode).ToJson(), ct);
        return TypedResults.Accepted($"/api/tenants/{tenantId}/jobs/{job.JobId}", SyncApi.SyncJobView.From(job));
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
