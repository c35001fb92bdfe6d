using System.Text.Json;
using ContactSync.Engine.Sync;
using ContactSync.Handler.Jobs;
using ContactSync.Handler.Sync;
using ContactSync.Hub.Policies;
using ContactSync.Hub.SyncState;
using ContactSync.Hub.Targets;
using ContactSync.Hub.Tenants;
using ContactSync.Storage;

namespace ContactSync.Handler.Api;

/// <summary>Manual conflicts (M16): <c>GET .../targets/{id}/conflicts</c> lists each with per-field base/hub/remote
/// values; <c>POST .../targets/{id}/conflicts/{hubId}/resolve</c> with <c>{"fields": {"name": "hub" | "remote" |
/// {"value": "…"}}}</c> writes the merged item to both sides (SyncEngine.ResolveAsync) under the run lease.</summary>
public static class ConflictsApi
{
    public static RouteGroupBuilder MapConflictsApi(this IEndpointRouteBuilder app)
    {
        var tenant = TenantRoutes.Group(app);
        tenant.MapGet("/targets/{targetId}/conflicts", ListAsync);
        tenant.MapPost("/targets/{targetId}/conflicts/{conflictId}/resolve", ResolveAsync);
        return tenant;
    }

    public sealed record ConflictView(string ConflictId, string RemoteId, IReadOnlyList<ConflictField> Fields);
    public sealed record ResolveBody(Dictionary<string, JsonElement>? Fields);
    public sealed record ResolveResult(string ConflictId, IReadOnlyDictionary<string, int> Counts, IReadOnlyList<ItemError> Errors);

    private static async Task<IResult> ListAsync(string tenantId, string targetId, TargetStore targets, ITableStore tables, CancellationToken ct)
    {
        if (await targets.GetAsync(tenantId, targetId, ct) is null) return StatusApi.NoTarget(targetId);
        var rows = await Status(tables, tenantId, targetId).LoadConflictsAsync(ct);
        return TypedResults.Ok(rows.Where(r => r.Conflict is not null).Select(r => new ConflictView(r.HubId, r.RemoteId, r.Conflict!.Fields)));
    }

    private static async Task<IResult> ResolveAsync(string tenantId, string targetId, string conflictId, ResolveBody? body,
        TenantStore tenants, TargetStore targets, PolicyStore policies, SyncComposer composer, SyncStateStore state, ITableStore tables,
        CancellationToken ct)
    {
        if (await targets.GetAsync(tenantId, targetId, ct) is not { } target) return StatusApi.NoTarget(targetId);
        var status = Status(tables, tenantId, targetId);
        if (await status.GetAsync(conflictId, ct) is not { Conflict: { } conflict })
            return TenantRoutes.Problem(404, "No such conflict", $"No conflict waits for contact '{conflictId}' on target '{targetId}'.");
        if (ParseChoices(body, conflict.Fields) is not { } choices)
            return TenantRoutes.Problem(400, "Bad choices", "fields must give every conflicting field ("
                + string.Join(", ", conflict.Fields.Select(f => f.Field)) + ") as \"hub\", \"remote\" or {\"value\": \"…\"}.");
        var tenant = (await tenants.GetAsync(tenantId, ct))!;
        if ((await policies.GetAsync(tenantId, target.PolicyId, ct))?.Contacts is not { } section)
            return TenantRoutes.Problem(409, "Section not in the policy", $"Policy '{target.PolicyId}' has no contacts section.");
        var key = new SyncKey(tenantId, targetId, PolicySections.Contacts);
        var owner = "resolve-" + Guid.NewGuid().ToString("N")[..8];
        if (!(await state.TryAcquireAsync(key, owner, ct)).Acquired)
            return TenantRoutes.Problem(409, "Target is syncing", "A sync of this target is running; try again in a moment.");
        try
        {
            // A device target is opened as its sync opens it; one that cannot be (its configuration) or does not answer is
            // the caller's to fix or retry, as for backups.
            SyncParts parts;
            try { parts = await composer.ComposeAsync(tenant, target, section, ct); }
            catch (JobFailedException e) { return TenantRoutes.Problem(409, "Target cannot be opened", e.Message); }
            catch (HttpRequestException e) { return TenantRoutes.Problem(502, "Device unreachable", $"Target '{targetId}' did not answer: {e.Message}"); }
            var report = await new SyncEngine(parts.Hub, parts.Remote, status).ResolveAsync(conflictId, choices, parts.Options, ct);
            return TypedResults.Ok(new ResolveResult(conflictId, report.Counts.ToDictionary(c => c.Key.ToString(), c => c.Value), report.Errors));
        }
        finally
        {
            await state.ReleaseAsync(key, owner, CancellationToken.None);
        }
    }

    private static Dictionary<string, FieldChoice>? ParseChoices(ResolveBody? body, IReadOnlyList<ConflictField> fields)
    {
        var choices = new Dictionary<string, FieldChoice>(StringComparer.Ordinal);
        foreach (var f in fields)
        {
            if (body?.Fields is null || !body.Fields.TryGetValue(f.Field, out var v)) return null;
            FieldChoice? choice = v.ValueKind switch
            {
                JsonValueKind.String when v.GetString() == "hub" => new(Pick.Hub),
                JsonValueKind.String when v.GetString() == "remote" => new(Pick.Remote),
                JsonValueKind.Object when v.TryGetProperty("value", out var value) && value.ValueKind is JsonValueKind.String or JsonValueKind.Null
                    => new(Pick.Value, value.GetString()),
                _ => null,
            };
            if (choice is null) return null;
            choices[f.Field] = choice;
        }
        return choices;
    }

    private static TableStatusStore Status(ITableStore tables, string tenantId, string targetId) =>
        new(tables, new SyncKey(tenantId, targetId, PolicySections.Contacts));
}
