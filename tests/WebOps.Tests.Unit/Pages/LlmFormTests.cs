using WebOps.Core.Llm;
using WebOps.Pages.Deployments;

namespace WebOps.Tests.Unit.Pages;

/// <summary>The LLM part of the deployment form: typed text to validator input, and saved settings back to text.</summary>
public sealed class LlmFormTests
{
    [Fact]
    public void Text_that_is_not_a_number_is_reported_at_its_field_and_left_out_of_the_input()
    {
        var errors = new FormErrors();

        var input = new LlmForm { GpuMemoryUtilization = "lots", MaxModelLen = "", TensorParallelSize = "2" }.ToInput(errors);

        Assert.Null(input.GpuMemoryUtilization);
        Assert.Null(input.MaxModelLen);
        Assert.Equal(2, input.TensorParallelSize);
        Assert.Equal(
            ["GPU memory utilization is 'lots', which is not a number; use a fraction like 0.9, or leave it empty for the default"],
            errors.For("llm.gpu_memory_utilization"));
    }

    [Fact]
    public void Saved_settings_show_the_token_masked_unless_revealed()
    {
        var saved = new LlmSettings { Model = "Qwen/Qwen2.5-0.5B-Instruct", GpuMemoryUtilization = 0.5, Gpus = GpuSelection.OfCount(2), HfToken = "hf_x" };

        var masked = LlmForm.From(saved, reveal: false);

        Assert.Equal(("0.5", "2", "none", "********"), (masked.GpuMemoryUtilization, masked.Gpus, masked.Quantization, masked.HfToken));
        Assert.Equal("hf_x", LlmForm.From(saved, reveal: true).HfToken);
    }
}
