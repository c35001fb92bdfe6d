using System.Text;
using ContactSync.Hub.Tests.Support;
using ContactSync.Storage;

namespace ContactSync.Hub.Tests.Directory;

public class BatchedImportTests
{
    internal static byte[] People(int count)
    {
        var sb = new StringBuilder("displayName,email,phone\r\n");
        for (var i = 0; i < count; i++) sb.Append($"Osoba {i:000},osoba{i:000}@example.pl,+48 22 100 {i:0000}\r\n");
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    [Fact]
    public async Task A_failed_batch_reports_its_rows_by_line_and_the_other_batches_are_saved_whole()
    {
        var hub = await TestHub.CreateAsync(new FailingBatchStore(new InMemoryTableStore(), failingBatch: 2));
        await hub.GroupAsync("all");
        var r = (await hub.Import.ImportAsync(hub.TenantId, "all", People(250), null, "PL")).Value!;
        Assert.Equal(150, r.Imported);
        Assert.Equal(100, r.Errors.Count);
        Assert.All(r.Errors, e => Assert.Contains("Not saved: The server encountered an internal error.", e.Message));
        var stored = (await hub.Groups.MembersAsync(hub.TenantId, "all")).Value!;
        Assert.Equal(150, stored.Count);
        var failedEmails = r.Errors.Select(e => $"osoba{e.Line - 2:000}@example.pl").ToHashSet();
        Assert.DoesNotContain(stored, m => failedEmails.Contains(m.Email!));
    }
}
