using WebOps.Core.Runtime;

namespace WebOps.Tests.Unit.Runtime;

public sealed class RemoveOptionsTests
{
    [Fact]
    public void The_audit_note_names_what_went_besides_the_app() =>
        Assert.Equal(
            [null, "images removed", "volumes removed", "images and volumes removed"],
            new[] { new RemoveOptions(), new RemoveOptions(Images: true), new RemoveOptions(Volumes: true), new RemoveOptions(true, true) }.Select(o => o.Describe()));
}
