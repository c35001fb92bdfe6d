namespace ContactSync.Storage;

/// <summary>Azure Table Storage operations behind which the app keeps all its state. Writes that take an ETag are
/// conditional; a mismatch is a <see cref="StorageException"/> of kind <see cref="StorageErrorKind.PreconditionFailed"/>.</summary>
public interface ITableStore
{
    Task CreateTableIfNotExistsAsync(string table, CancellationToken ct = default);

    /// <summary>The entity, or null when it does not exist.</summary>
    Task<TableEntity?> GetAsync(string table, string partitionKey, string rowKey, CancellationToken ct = default);

    /// <summary>Inserts a new entity; <see cref="StorageErrorKind.Conflict"/> if it exists. Returns the new ETag.</summary>
    Task<string> InsertAsync(string table, TableEntity entity, CancellationToken ct = default);

    /// <summary>Insert-or-replace or insert-or-merge, unconditionally. Returns the new ETag.</summary>
    Task<string> UpsertAsync(string table, TableEntity entity, WriteMode mode = WriteMode.Replace, CancellationToken ct = default);

    /// <summary>Replace or merge an existing entity if its ETag still matches (<c>*</c> matches any). Returns the new ETag.</summary>
    Task<string> UpdateAsync(string table, TableEntity entity, string ifMatch, WriteMode mode = WriteMode.Replace,
        CancellationToken ct = default);

    Task DeleteAsync(string table, string partitionKey, string rowKey, string ifMatch = "*", CancellationToken ct = default);

    /// <summary>One page of a query; pass the returned continuation back to read the next page.</summary>
    Task<TablePage> QueryPageAsync(string table, TableQuery query, TableContinuation? continuation = null,
        CancellationToken ct = default);

    /// <summary>Every entity matching the query, following continuations.</summary>
    IAsyncEnumerable<TableEntity> QueryAsync(string table, TableQuery query, CancellationToken ct = default);

    /// <summary>An entity group transaction: one partition, at most 100 operations, at most 4 MiB; all or nothing.
    /// Limits are checked before anything is sent. Returns the ETag of each operation's entity (null for deletes).</summary>
    Task<IReadOnlyList<string?>> SubmitTransactionAsync(string table, IReadOnlyList<TableOperation> operations,
        CancellationToken ct = default);
}

public enum WriteMode { Replace, Merge }

/// <param name="Filter">OData <c>$filter</c>, e.g. <c>PartitionKey eq 'p'</c>; build literals with <see cref="TableFilter"/>.</param>
/// <param name="Select">Property names for <c>$select</c>, or null for all.</param>
/// <param name="Top">Page size (<c>$top</c>, at most 1,000), or null for the service's default.</param>
public sealed record TableQuery(string? Filter = null, IReadOnlyList<string>? Select = null, int? Top = null);

public sealed record TableContinuation(string NextPartitionKey, string? NextRowKey);

public sealed record TablePage(IReadOnlyList<TableEntity> Entities, TableContinuation? Continuation);

public enum TableOperationKind { Insert, Upsert, Update, Delete }

public sealed record TableOperation(TableOperationKind Kind, TableEntity Entity, WriteMode Mode = WriteMode.Replace,
    string? IfMatch = null)
{
    public static TableOperation Insert(TableEntity e) => new(TableOperationKind.Insert, e);
    public static TableOperation Upsert(TableEntity e, WriteMode mode = WriteMode.Replace) => new(TableOperationKind.Upsert, e, mode);
    public static TableOperation Update(TableEntity e, string ifMatch, WriteMode mode = WriteMode.Replace) =>
        new(TableOperationKind.Update, e, mode, ifMatch);
    public static TableOperation Delete(string pk, string rk, string ifMatch = "*") =>
        new(TableOperationKind.Delete, new TableEntity(pk, rk), IfMatch: ifMatch);
}
