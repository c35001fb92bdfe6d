using System.Text;
using ContactSync.Engine.Items;
using ContactSync.Hub.Backups;
using ContactSync.Hub.Directory.Csv;
using ContactSync.Hub.Tests.SyncState;

namespace ContactSync.Hub.Tests.Backups;

public sealed class SnapshotCsvTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("plain")]
    public async Task The_csv_export_reads_back_in_the_import_layout_with_the_same_columns_and_names(string? format)
    {
        var store = new SnapshotStore(await TestTables.InMemoryAsync());
        var device = BackupSamples.Device();
        var items = await store.ItemsAsync(await store.TakeAsync(TestTables.NewTenant(), "phone", device, Snapshot.OnDemand));

        var bytes = SnapshotCsv.ToBytes(items, format);

        var (text, _) = CsvDecoding.Decode(bytes);
        var records = CsvText.Read(text, CsvText.DetectSeparator(text));
        var layout = CsvContactFormat.Detect(records[0].Fields)!;
        Assert.Equal((CsvContactFormat.ByName(format) ?? OutlookCsvFormat.Format).Headers, records[0].Fields);
        Assert.Same(CsvContactFormat.ByName(format) ?? OutlookCsvFormat.Format, layout);
        var read = records.Skip(1).Select(r => layout.Reader(records[0].Fields)(r.Fields)).ToList();
        Assert.Equal(items.Select(i => i.Fields[ContactFields.DisplayName] ?? $"{i.Fields[ContactFields.GivenName]} {i.Fields[ContactFields.Surname]}").Order(StringComparer.Ordinal),
            read.Select(r => r[ContactFields.DisplayName] ?? $"{r[ContactFields.GivenName]} {r[ContactFields.Surname]}").Order(StringComparer.Ordinal));
        Assert.Equal(items.Select(i => i.Fields.List(ContactFields.Emails)[0]).Order(StringComparer.Ordinal),
            read.Select(r => r.List(ContactFields.Emails)[0]).Order(StringComparer.Ordinal));
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
    }
}
