using System.Text;
using ContactSync.Engine.Items;

namespace ContactSync.Hub.Directory.Csv;

/// <summary>Contacts as a CSV file: UTF-8 with a BOM (so Excel and Outlook read the letters right), ',' separated,
/// CRLF, the layout's header (Outlook's by default), every value the hub holds (no Exchange limits).</summary>
public static class ContactCsvExport
{
    public static byte[] ToBytes(IEnumerable<FieldMap> contacts, CsvContactFormat? format = null)
    {
        using var stream = new MemoryStream();
        Write(stream, contacts, format);
        return stream.ToArray();
    }

    /// <summary>A group's members in the layout they were imported with (Outlook's when never imported from CSV).</summary>
    public static byte[] Members(Group group, IEnumerable<Member> members) =>
        ToBytes(members.Select(m => m.Contact), CsvContactFormat.ByName(group.CsvFormat));

    public static void Write(Stream stream, IEnumerable<FieldMap> contacts, CsvContactFormat? format = null)
    {
        var f = format ?? OutlookCsvFormat.Format;
        using var w = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
        CsvText.Write(w, [f.Headers, .. contacts.Select(f.Write)]);
    }
}
