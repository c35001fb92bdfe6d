using System.Text;

namespace ContactSync.Storage;

/// <summary>An entity group transaction as one <c>multipart/mixed</c> body with a single changeset (FACTS.md §3.4).
/// <see cref="Create"/> checks every limit first, so an invalid batch is refused before anything is sent.</summary>
internal sealed class TableBatch
{
    public required string BatchBoundary { get; init; }
    public required byte[] Body { get; init; }

    public string ContentType => $"multipart/mixed; boundary={BatchBoundary}";

    public static void CheckShape(IReadOnlyList<TableOperation> operations)
    {
        ArgumentNullException.ThrowIfNull(operations);
        if (operations.Count is 0 or > TableRules.MaxBatchOperations)
            throw TableRules.Bad("InvalidInput", $"A transaction needs 1 to {TableRules.MaxBatchOperations} operations, not {operations.Count}.");
        var partition = operations[0].Entity.PartitionKey;
        var rows = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < operations.Count; i++)
        {
            var op = operations[i];
            if (op.Entity.PartitionKey != partition)
                throw TableRules.Bad("CommandsInBatchActOnDifferentPartitions",
                    $"Operation {i} is on partition '{TableKeys.Show(op.Entity.PartitionKey)}' but operation 0 is on '{TableKeys.Show(partition)}'; a transaction covers one partition.");
            if (!rows.Add(op.Entity.RowKey))
                throw TableRules.Bad("InvalidDuplicateRow", $"Operation {i} touches RowKey '{TableKeys.Show(op.Entity.RowKey)}' a second time; each entity may appear once.");
            if (op.Kind is TableOperationKind.Update or TableOperationKind.Delete && string.IsNullOrEmpty(op.IfMatch))
                throw TableRules.Bad("InvalidInput", $"Operation {i} ({op.Kind}) needs an If-Match ETag or '*'.");
            if (op.Kind == TableOperationKind.Delete) TableRules.CheckKeys(op.Entity.PartitionKey, op.Entity.RowKey);
            else TableRules.CheckEntity(op.Entity);
        }
    }

    /// <param name="tableUrl">The absolute URL of the table, e.g. <c>http://127.0.0.1:10002/devstoreaccount1/mytable</c>.</param>
    public static TableBatch Create(string tableUrl, IReadOnlyList<TableOperation> operations)
    {
        CheckShape(operations);
        var batch = "batch_" + Guid.NewGuid().ToString("D");
        var changeset = "changeset_" + Guid.NewGuid().ToString("D");
        var body = new MemoryStream();
        void Text(string s) { var bytes = Encoding.UTF8.GetBytes(s); body.Write(bytes); }

        Text($"--{batch}\r\nContent-Type: multipart/mixed; boundary={changeset}\r\n\r\n");
        for (var i = 0; i < operations.Count; i++)
        {
            var op = operations[i];
            var (method, url) = op.Kind == TableOperationKind.Insert
                ? ("POST", tableUrl)
                : (op.Kind == TableOperationKind.Delete ? "DELETE" : op.Mode == WriteMode.Merge ? "MERGE" : "PUT",
                   tableUrl + HttpTableStore.EntityPathSuffix(op.Entity.PartitionKey, op.Entity.RowKey));
            Text($"--{changeset}\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n");
            Text($"{method} {url} HTTP/1.1\r\nContent-ID: {i + 1}\r\nAccept: application/json;odata=minimalmetadata\r\n" +
                 "DataServiceVersion: 3.0;\r\n");
            if (op.IfMatch is not null && op.Kind is TableOperationKind.Update or TableOperationKind.Delete)
                Text($"If-Match: {op.IfMatch}\r\n");
            if (op.Kind == TableOperationKind.Delete)
            {
                Text("\r\n");
                continue;
            }
            if (op.Kind == TableOperationKind.Insert) Text("Prefer: return-no-content\r\n");
            Text("Content-Type: application/json\r\n\r\n");
            body.Write(EntityJson.Write(op.Entity));
            Text("\r\n");
        }
        Text($"--{changeset}--\r\n--{batch}--\r\n");
        if (body.Length > TableRules.MaxBatchBytes)
            throw TableRules.TooLarge("RequestBodyTooLarge", $"The transaction's payload is {body.Length} bytes; the limit is {TableRules.MaxBatchBytes} (4 MiB).");
        return new TableBatch { BatchBoundary = batch, Body = body.ToArray() };
    }
}
