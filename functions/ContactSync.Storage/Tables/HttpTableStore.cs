using System.Runtime.CompilerServices;
using System.Text.Json;
using Azure;
using Azure.Core;

namespace ContactSync.Storage;

/// <summary>The Table service over REST (JSON, <c>odata=minimalmetadata</c>) on an Azure.Core pipeline.</summary>
internal sealed class HttpTableStore(StorageHttp http) : ITableStore
{
    private static readonly RequestMethod Merge = new("MERGE");

    public async Task CreateTableIfNotExistsAsync(string table, CancellationToken ct = default)
    {
        TableRules.CheckTableName(table);
        using var message = Message(RequestMethod.Post, "Tables", JsonSerializer.SerializeToUtf8Bytes(new { TableName = table }));
        message.Request.Headers.SetValue("Prefer", "return-no-content");
        var response = await Send(message, ct);
        if (response.Status is 201 or 204) return;
        var error = StorageErrors.FromResponse(response, $"Create table {table}");
        if (error.ErrorCode != "TableAlreadyExists") throw error;
    }

    public async Task<TableEntity?> GetAsync(string table, string partitionKey, string rowKey, CancellationToken ct = default)
    {
        TableRules.CheckTableName(table);
        TableRules.CheckKeys(partitionKey, rowKey);
        using var message = Message(RequestMethod.Get, table + EntityPathSuffix(partitionKey, rowKey));
        var response = await Send(message, ct);
        if (response.Status == 200)
        {
            using var doc = JsonDocument.Parse(response.Content);
            return EntityJson.Read(doc.RootElement, Header(response, "ETag"));
        }
        var error = StorageErrors.FromResponse(response, $"Get from {table}");
        // A missing entity is null; a missing table stays an error.
        if (response.Status == 404 && error.ErrorCode != "TableNotFound") return null;
        throw error;
    }

    public async Task<string> InsertAsync(string table, TableEntity entity, CancellationToken ct = default)
    {
        TableRules.CheckTableName(table);
        TableRules.CheckEntity(entity);
        using var message = Message(RequestMethod.Post, table, EntityJson.Write(entity));
        message.Request.Headers.SetValue("Prefer", "return-no-content");
        return await ETagOf(message, $"Insert into {table} ({TableRules.Id(entity)})", ct);
    }

    public Task<string> UpsertAsync(string table, TableEntity entity, WriteMode mode = WriteMode.Replace, CancellationToken ct = default) =>
        Write(table, entity, mode, ifMatch: null, ct);

    public Task<string> UpdateAsync(string table, TableEntity entity, string ifMatch, WriteMode mode = WriteMode.Replace,
        CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(ifMatch)) throw TableRules.Bad("InvalidInput", "Update needs an ETag or '*' in ifMatch.");
        return Write(table, entity, mode, ifMatch, ct);
    }

    private async Task<string> Write(string table, TableEntity entity, WriteMode mode, string? ifMatch, CancellationToken ct)
    {
        TableRules.CheckTableName(table);
        TableRules.CheckEntity(entity);
        using var message = Message(mode == WriteMode.Merge ? Merge : RequestMethod.Put,
            table + EntityPathSuffix(entity.PartitionKey, entity.RowKey), EntityJson.Write(entity));
        if (ifMatch is not null) message.Request.Headers.SetValue("If-Match", ifMatch);
        var verb = ifMatch is null ? "Upsert" : "Update";
        return await ETagOf(message, $"{verb} ({mode}) in {table} ({TableRules.Id(entity)})", ct);
    }

    public async Task DeleteAsync(string table, string partitionKey, string rowKey, string ifMatch = "*", CancellationToken ct = default)
    {
        TableRules.CheckTableName(table);
        TableRules.CheckKeys(partitionKey, rowKey);
        using var message = Message(RequestMethod.Delete, table + EntityPathSuffix(partitionKey, rowKey));
        message.Request.Headers.SetValue("If-Match", string.IsNullOrEmpty(ifMatch) ? "*" : ifMatch);
        var response = await Send(message, ct);
        if (response.Status != 204)
            throw StorageErrors.FromResponse(response, $"Delete from {table} (PartitionKey '{TableKeys.Show(partitionKey)}', RowKey '{TableKeys.Show(rowKey)}')");
    }

    public async Task<TablePage> QueryPageAsync(string table, TableQuery query, TableContinuation? continuation = null,
        CancellationToken ct = default)
    {
        TableRules.CheckTableName(table);
        TableRules.CheckTop(query.Top);
        var parameters = new List<string>();
        void Add(string name, string? value) { if (value is not null) parameters.Add(name + "=" + Uri.EscapeDataString(value)); }
        Add("$filter", string.IsNullOrWhiteSpace(query.Filter) ? null : query.Filter);
        Add("$select", query.Select is null ? null : string.Join(',', SelectWithKeys(query.Select)));
        Add("$top", query.Top?.ToString());
        Add("NextPartitionKey", continuation?.NextPartitionKey);
        Add("NextRowKey", continuation?.NextRowKey);
        var path = table + "()" + (parameters.Count > 0 ? "?" + string.Join('&', parameters) : "");
        using var message = Message(RequestMethod.Get, path);
        var response = await Send(message, ct);
        if (response.Status != 200) throw StorageErrors.FromResponse(response, $"Query {table} ({query.Filter})");
        using var doc = JsonDocument.Parse(response.Content);
        var entities = doc.RootElement.GetProperty("value").EnumerateArray().Select(e => EntityJson.Read(e)).ToList();
        var nextPk = Header(response, "x-ms-continuation-NextPartitionKey");
        return new TablePage(entities, nextPk is null ? null : new TableContinuation(nextPk, Header(response, "x-ms-continuation-NextRowKey")));
    }

    public async IAsyncEnumerable<TableEntity> QueryAsync(string table, TableQuery query, [EnumeratorCancellation] CancellationToken ct = default)
    {
        TableContinuation? continuation = null;
        do
        {
            var page = await QueryPageAsync(table, query, continuation, ct);
            foreach (var entity in page.Entities) yield return entity;
            continuation = page.Continuation;
        } while (continuation is not null);
    }

    public async Task<IReadOnlyList<string?>> SubmitTransactionAsync(string table, IReadOnlyList<TableOperation> operations,
        CancellationToken ct = default)
    {
        TableRules.CheckTableName(table);
        var batch = TableBatch.Create($"{http.BaseUrl}/{table}", operations);
        using var message = Message(RequestMethod.Post, "$batch", batch.Body, batch.ContentType);
        var response = await Send(message, ct);
        if (response.Status != 202) throw StorageErrors.FromResponse(response, $"Transaction on table {table}");
        return TableBatchResponse.Read(response.Content.ToString(), operations.Count, table);
    }

    /// <summary><c>(PartitionKey='…',RowKey='…')</c> with quotes doubled and the keys percent-encoded.</summary>
    public static string EntityPathSuffix(string partitionKey, string rowKey) =>
        $"(PartitionKey='{Uri.EscapeDataString(partitionKey.Replace("'", "''"))}',RowKey='{Uri.EscapeDataString(rowKey.Replace("'", "''"))}')";

    private static IEnumerable<string> SelectWithKeys(IReadOnlyList<string> select) =>
        new[] { "PartitionKey", "RowKey", "Timestamp" }.Concat(select).Distinct(StringComparer.Ordinal);

    private HttpMessage Message(RequestMethod method, string relative, byte[]? body = null, string contentType = "application/json")
    {
        var message = http.Create(method, relative, body is null ? null : new BinaryData(body), contentType);
        var headers = message.Request.Headers;
        headers.SetValue("DataServiceVersion", "3.0;NetFx");
        headers.SetValue("MaxDataServiceVersion", "3.0;NetFx");
        headers.SetValue("Accept", "application/json;odata=minimalmetadata");
        return message;
    }

    private Task<Response> Send(HttpMessage message, CancellationToken ct) => http.SendAsync(message, ct);

    private async Task<string> ETagOf(HttpMessage message, string what, CancellationToken ct)
    {
        var response = await Send(message, ct);
        if (response.Status is not (201 or 204)) throw StorageErrors.FromResponse(response, what);
        return StorageHttp.RequiredHeader(response, "ETag", what);
    }

    private static string? Header(Response response, string name) => StorageHttp.Header(response, name);
}
