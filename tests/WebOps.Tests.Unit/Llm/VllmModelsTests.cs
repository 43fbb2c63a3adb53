using WebOps.Addons.Docker.Llm;

namespace WebOps.Tests.Unit.Llm;

public sealed class VllmModelsTests
{
    [Theory]
    [InlineData("""{"object":"list","data":[{"id":"qwen","object":"model"}]}""", true)]
    [InlineData("""{"object":"list","data":[{"id":"other"},{"id":"qwen"}]}""", true)]
    [InlineData("""{"object":"list","data":[{"id":"Qwen"}]}""", false)]
    [InlineData("""{"object":"list","data":[]}""", false)]
    [InlineData("""{"data":{"id":"qwen"}}""", false)]
    [InlineData("""[{"id":"qwen"}]""", false)]
    [InlineData("<html>loading</html>", false)]
    public void Ready_only_when_the_served_name_is_listed(string json, bool listed)
    {
        Assert.Equal(listed, VllmModels.Lists(json, "qwen"));
    }
}
