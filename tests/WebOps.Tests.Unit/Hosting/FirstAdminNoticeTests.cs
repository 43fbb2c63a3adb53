using WebOps.Hosting;

namespace WebOps.Tests.Unit.Hosting;

public sealed class FirstAdminNoticeTests
{
    [Fact]
    public void The_password_stands_alone_on_the_line_after_the_one_that_names_the_user()
    {
        Assert.Equal(
            "\n"
            + "  WebOps first start: log in as 'admin' with this one-time generated password:\n"
            + "      s3cret-Pass_word\n"
            + "  It is not shown again. Add users with: webops admin create --username NAME\n"
            + "\n",
            FirstAdminNotice.Text("s3cret-Pass_word"));
    }
}
