using WebOps.Core.Llm;

namespace WebOps.Tests.Unit.Llm;

public sealed class GpuSelectionTests
{
    [Theory]
    [InlineData("", "all", null, "")]
    [InlineData("ALL", "all", null, "")]
    [InlineData("2", "2", 2, "")]
    [InlineData("0,1", "device=0,1", null, "0|1")]
    [InlineData("device=3", "device=3", null, "3")]
    [InlineData(" device=1, 2 ", "device=1,2", null, "1|2")]
    public void Accepted_forms_read_as_count_or_devices(string text, string shown, int? count, string devices)
    {
        Assert.True(GpuSelection.TryParse(text, out var selection, out _));

        Assert.Equal(shown, selection.ToString());
        Assert.Equal(count, selection.Count);
        Assert.Equal(devices, string.Join('|', selection.DeviceIds));
    }

    [Theory]
    [InlineData("0", "'0' is not a GPU choice; use all, a count from 1 to 64, or device ids like 0,1")]
    [InlineData("0,a", "'0,a' is not a list of GPU device ids; use numbers separated by commas, like 0,1")]
    [InlineData("1,1", "'1,1' names a GPU device more than once")]
    [InlineData("device=", "'device=' is not a list of GPU device ids; use numbers separated by commas, like 0,1")]
    public void Refused_forms_say_why(string text, string message)
    {
        Assert.False(GpuSelection.TryParse(text, out _, out var error));

        Assert.Equal(message, error);
    }
}
