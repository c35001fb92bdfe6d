using ContactSync.Engine.Ports;
using ContactSync.Graph.Client;
using GraphContact = Microsoft.Graph.Models.Contact;

namespace ContactSync.Graph.Contacts;

/// <summary>One batch answer → the write's typed result: 412 a version mismatch, 404 not found, 400 rejected with
/// Graph's own message, anything else an error that keeps Graph's text.</summary>
static class WriteOutcome
{
    public static async Task<WriteResult> OfAsync(WriteOp op, BatchAnswer answer, CancellationToken ct)
    {
        var id = op switch { UpdateOp u => u.Id, DeleteOp d => d.Id, _ => null };
        if (answer.Ok)
        {
            if (op is DeleteOp) return WriteResult.Success(op, id!, "");
            var contact = await answer.ReadAsync(GraphContact.CreateFromDiscriminatorValue, ct);
            return WriteResult.Success(op, contact.Id ?? id!, ContactReader.Version(contact));
        }
        var message = answer.ErrorMessage;
        ItemStoreException error = (answer.Status, id) switch
        {
            (412, not null) => new VersionMismatchException(id, IfVersion(op), null, message),
            (404, not null) => new ItemNotFoundException(id, message),
            (400, _) => new ItemRejectedException(id, message),
            _ => new ItemStoreException($"Graph answered {answer.Status} to {op.GetType().Name} of {id ?? "a new contact"}", id, message),
        };
        return WriteResult.Failure(op, error);
    }

    static string IfVersion(WriteOp op) => op switch { UpdateOp u => u.IfVersion, DeleteOp d => d.IfVersion, _ => "" };
}
