using ContactSync.Storage;

namespace ContactSync.Hub.Directory;

/// <summary>Turns the members to write into entity-group batches: at most 100 operations and well under the 4 MiB
/// payload limit each; unchanged members (same content hash) are not written.</summary>
internal static class MemberBatches
{
    private const int MaxOperations = 100;
    private const long MaxBatchChars = 1_500_000; // UTF-16 chars ≈ 3 MiB as UTF-8 JSON with overhead, below 4 MiB

    public sealed record BatchPlan(
        List<IReadOnlyList<TableOperation>> Batches, List<string> Imported, List<string> Updated, List<string> Unchanged,
        List<string> Removed, Dictionary<string, string> Refused);

    public static BatchPlan Plan(string tenantId, string groupId, IReadOnlyList<Member> members,
        IReadOnlyDictionary<string, string?> existing, bool replaceAll)
    {
        var plan = new BatchPlan([], [], [], [], [], new(StringComparer.Ordinal));
        var latest = members.GroupBy(m => m.Id, StringComparer.Ordinal).Select(g => g.Last()).ToList();
        var ops = new List<(TableOperation Op, long Size)>();
        foreach (var m in latest)
        {
            var json = FieldMapJson.Serialize(m.Contact);
            if (json.Length > MemberEntity.MaxContactJson)
            {
                plan.Refused[m.Id] = $"The contact is {json.Length} characters as JSON; a member holds at most {MemberEntity.MaxContactJson}.";
                continue;
            }
            if (existing.TryGetValue(m.Id, out var hash))
            {
                if (hash == m.Contact.ContentHash()) { plan.Unchanged.Add(m.Id); continue; }
                plan.Updated.Add(m.Id);
            }
            else plan.Imported.Add(m.Id);
            ops.Add((TableOperation.Upsert(MemberEntity.From(tenantId, groupId, m, json)), json.Length + 200));
        }
        if (replaceAll)
        {
            var keep = latest.Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
            foreach (var id in existing.Keys.Where(id => !keep.Contains(id)).Order(StringComparer.Ordinal))
            {
                plan.Removed.Add(id);
                ops.Add((TableOperation.Delete(MemberEntity.Partition(tenantId, groupId), id), 200));
            }
        }
        var batch = new List<TableOperation>();
        long size = 0;
        foreach (var (op, opSize) in ops)
        {
            if (batch.Count == MaxOperations || (batch.Count > 0 && size + opSize > MaxBatchChars))
            {
                plan.Batches.Add(batch);
                batch = [];
                size = 0;
            }
            batch.Add(op);
            size += opSize;
        }
        if (batch.Count > 0) plan.Batches.Add(batch);
        return plan;
    }
}
