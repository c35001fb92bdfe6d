using ContactSync.Engine.Items;
using ContactSync.Engine.Sync;

namespace ContactSync.Engine.Tests.Sync;

/// <summary>One scenario's stores: a synced subject pair "Anna" (unless the row starts unpaired) and a bystander "Bob"
/// that no row touches, so that no scenario deletes a whole side.</summary>
public sealed class TruthTableWorld(Harness h)
{
    private const string Subject = "Anna";
    private FieldMap _base = FieldMap.Empty;
    private FieldMap _new = FieldMap.Empty;
    private FieldMap _bobHub = FieldMap.Empty;

    public static async Task<TruthTableWorld> SetUpAsync(Harness h, Case c)
    {
        var w = new TruthTableWorld(h);
        var unpaired = c is Case.NewHub or Case.NewRemote or Case.Match;
        var bob = Harness.Contact("Bob", "bob@x.pl", "bob's notes");
        if (h.Options.Direction == SyncDirection.Import)
        {
            h.Remote.UserCreate(Harness.Held(bob));
            if (!unpaired) h.Remote.UserCreate(Harness.Held(Harness.Contact(Subject, "anna@x.pl")));
        }
        else
        {
            h.Hub.UserCreate(bob);
            if (!unpaired) h.Hub.UserCreate(Harness.Contact(Subject, "anna@x.pl", "anna's notes"));
        }
        var setup = await h.SyncAsync();
        Assert.Empty(setup.Errors);
        Assert.Equal(unpaired ? 1 : 2, h.Status.Rows.Count);
        w._bobHub = h.Hub.Items.Single(i => i.Item["givenName"] == "Bob").Item;
        if (!unpaired) w._base = w.HubSubject()!;
        return w;
    }

    public void Act(Case c)
    {
        var hub = h.Hub.Items.SingleOrDefault(i => i.Item["givenName"] == Subject);
        var remote = h.Remote.Items.SingleOrDefault(i => i.Item["givenName"] == Subject);
        void HubEdit(string job) => h.Hub.UserEdit(hub!.Id, hub.Item.With("jobTitle", job));
        void RemoteEdit(string field, string value) => h.Remote.UserEdit(remote!.Id, remote.Item.With(field, value));
        switch (c)
        {
            case Case.CS: HubEdit("Hub"); break;
            case Case.SC: RemoteEdit("surname", "Remote"); break;
            case Case.CcDisjoint: HubEdit("Hub"); RemoteEdit("surname", "Remote"); break;
            case Case.CcOverlap: HubEdit("Hub"); RemoteEdit("jobTitle", "Remote"); break;
            case Case.CcSameEdit: HubEdit("Same"); RemoteEdit("jobTitle", "Same"); break;
            case Case.GS: h.Hub.UserDelete(hub!.Id); break;
            case Case.GC: h.Hub.UserDelete(hub!.Id); RemoteEdit("surname", "Remote"); break;
            case Case.SG: h.Remote.UserDelete(remote!.Id); break;
            case Case.CG: HubEdit("Hub"); h.Remote.UserDelete(remote!.Id); break;
            case Case.GG: h.Hub.UserDelete(hub!.Id); h.Remote.UserDelete(remote!.Id); break;
            case Case.NewHub:
                _new = Harness.Contact(Subject, "anna@x.pl", "anna's notes");
                h.Hub.UserCreate(_new);
                break;
            case Case.NewRemote:
                _new = Harness.Contact(Subject, "anna@x.pl"); // as the hub will hold it: tagged, no notes
                h.Remote.UserCreate(Harness.Held(_new));
                break;
            case Case.Match:
                _new = Harness.Contact(Subject, "anna@x.pl", "anna's notes");
                h.Hub.UserCreate(_new);
                h.Remote.UserCreate(Harness.Held(_new).With("jobTitle", "Remote"));
                break;
            case Case.LeaveScope: h.Hub.UserEdit(hub!.Id, hub.Item.With(Scope.SyncTagsField, null)); break;
        }
    }

    public FieldMap? HubSubject() => h.Hub.Items.SingleOrDefault(i => i.Item["givenName"] == Subject)?.Item;
    public FieldMap? RemoteSubject() => h.Remote.Items.SingleOrDefault(i => i.Item["givenName"] == Subject)?.Item;

    /// <summary>The hub-form content an expectation stands for; a remote holds its projection.</summary>
    public FieldMap? Content(Expect e, bool onHub) => e switch
    {
        Expect.Gone => null,
        Expect.Base => _base,
        Expect.HubEdit => _base.With("jobTitle", "Hub"),
        Expect.RemoteEdit => _base.With("surname", "Remote"),
        Expect.RemoteOverlap => _base.With("jobTitle", "Remote"),
        Expect.Merged => _base.With("jobTitle", "Hub").With("surname", "Remote"),
        Expect.SameEdit => _base.With("jobTitle", "Same"),
        Expect.New => _new,
        Expect.Untagged => _base.With(Scope.SyncTagsField, null),
        Expect.HubPlusRemoteJob => _new.With("jobTitle", "Remote"),
        _ => throw new ArgumentOutOfRangeException(nameof(e), onHub ? "hub" : "remote"),
    };

    public void AssertBystanderUntouched()
    {
        Assert.Equal(_bobHub, h.Hub.Items.Single(i => i.Item["givenName"] == "Bob").Item);
        Assert.Equal(Harness.Held(_bobHub), h.Remote.Items.Single(i => i.Item["givenName"] == "Bob").Item);
    }
}
