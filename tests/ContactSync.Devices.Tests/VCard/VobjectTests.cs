using System.Diagnostics;
using System.Text;
using ContactSync.Devices.VCard;

namespace ContactSync.Devices.Tests.VCard;

/// <summary>Our vCard read by a parser nobody here wrote: Debian's python3-vobject.</summary>
public sealed class VobjectTests
{
    const string Script = """
        import sys, vobject
        card = vobject.readOne(sys.stdin.buffer.read().decode('utf-8'))
        print(card.fn.value); print(card.n.value.family); print(card.n.value.given)
        print(card.org.value[0]); print(card.note.value.replace('\n', '|'))
        print(','.join(sorted(t.value for t in card.contents['tel'])))
        print(card.contents['x-contactsync-hubid'][0].value)
        """;

    [Fact]
    public async Task Python_vobject_reads_names_with_diacritics_intact()
    {
        var vcard = VCardWriter.Write(VCardMapperTests.Full(), "uid-1", "hub-1");
        var info = new ProcessStartInfo("/usr/bin/python3", ["-c", Script])
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8, StandardInputEncoding = new UTF8Encoding(false),
        };
        using var p = Process.Start(info)!;
        await p.StandardInput.WriteAsync(vcard);
        p.StandardInput.Close();
        var output = await p.StandardOutput.ReadToEndAsync();
        var errors = await p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        Assert.True(p.ExitCode == 0, errors);
        var lines = output.Split('\n');
        Assert.Equal("Zoë Łukasiewicz-Dvořák", lines[0]);
        Assert.Equal(("Łukasiewicz-Dvořák", "Zoë", "Żabka; S.A."), (lines[1], lines[2], lines[3]));
        Assert.StartsWith("Linia 1|Linia 2 \\ z ukośnikiem; średnik, przecinek — żżż", lines[4]);
        Assert.Equal("+48 12 300 400,+48 22 100 200,+48 600 100 200,+48 800 000 000", lines[5]);
        Assert.Equal("hub-1", lines[6]);
    }
}
