using WebOps.Core.Llm;

namespace WebOps.Tests.Unit.Llm;

public sealed class LlmSettingsValidatorTests
{
    [Fact]
    public void Model_alone_takes_every_default()
    {
        var (settings, errors) = LlmSettingsValidator.Validate(new LlmSettingsInput { Model = "Qwen/Qwen2.5-0.5B-Instruct" }, savedToken: null);

        Assert.Empty(errors);
        Assert.Equal(
            new LlmSettings { Model = "Qwen/Qwen2.5-0.5B-Instruct" },
            settings);
        Assert.Equal("Qwen/Qwen2.5-0.5B-Instruct", settings!.EffectiveServedModelName);
        Assert.Equal(0.9, settings.GpuMemoryUtilization);
        Assert.Equal("all", settings.Gpus.ToString());
        Assert.Equal("webops-hf-cache", settings.CacheVolume);
        Assert.Equal("auto", settings.Dtype);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.5)]
    [InlineData(1.01)]
    [InlineData(double.NaN)]
    public void Gpu_memory_utilization_outside_zero_to_one_is_refused(double value)
    {
        var errors = Errors(new LlmSettingsInput { Model = "gpt2", GpuMemoryUtilization = value });

        Assert.Equal(["llm.gpu_memory_utilization: must be more than 0 and at most 1"], errors);
    }

    [Fact]
    public void Every_bad_field_is_reported_at_once_with_its_path()
    {
        var errors = Errors(new LlmSettingsInput
        {
            Model = "not a model",
            ServedModelName = "has space",
            Quantization = "int3",
            MaxModelLen = 0,
            Dtype = "float8",
            TensorParallelSize = 0,
            Gpus = "some",
            CacheVolume = "bad volume",
            HfToken = "hf token",
        });

        Assert.Equal(
            [
                "llm.model: 'not a model' is not a Hugging Face model id; use owner/name like Qwen/Qwen2.5-0.5B-Instruct",
                "llm.served_model_name: must be at most 255 characters without spaces, like qwen-small",
                "llm.quantization: 'int3' is not one of none, aqlm, awq, awq_marlin, bitsandbytes, compressed-tensors, experts_int8, fbgemm_fp8, fp8, gguf, gptq, gptq_marlin, gptq_marlin_24, marlin, modelopt, qqq",
                "llm.dtype: 'float8' is not one of auto, half, float16, bfloat16, float, float32",
                "llm.max_model_len: must be a whole number of tokens above 0, like 8192, or left empty for the model's own limit",
                "llm.tensor_parallel_size: must be from 1 to 64 (the number of GPUs one model is split across)",
                "llm.gpus: 'some' is not a GPU choice; use all, a count from 1 to 64, or device ids like 0,1",
                "llm.cache_volume: 'bad volume' is neither a volume name (letters, digits, _ . -) nor an absolute host folder",
                "llm.hf_token: must be a Hugging Face access token (hf_...) without spaces, at most 512 characters",
            ],
            errors);
    }

    [Fact]
    public void Missing_model_says_what_to_give()
    {
        Assert.Equal(
            ["llm.model: is required: a Hugging Face model id like Qwen/Qwen2.5-0.5B-Instruct, or a path under /root/.cache/huggingface"],
            Errors(new LlmSettingsInput()));
    }

    [Theory]
    [InlineData("/root/.cache/huggingface/models/qwen", true)]
    [InlineData("/root/.cache/huggingface", false)]
    [InlineData("/models/qwen", false)]
    [InlineData("/root/.cache/huggingface/../../etc", false)]
    public void A_model_path_must_lie_inside_the_model_cache(string path, bool accepted)
    {
        var errors = Errors(new LlmSettingsInput { Model = path });

        Assert.Equal(accepted, errors.Count == 0);
        if (!accepted)
        {
            Assert.Equal($"llm.model: path '{path}' is not inside the model cache; give a folder under /root/.cache/huggingface, or a Hugging Face model id", errors.Single());
        }
    }

    [Fact]
    public void Tensor_parallel_size_above_the_gpus_given_is_refused()
    {
        Assert.Equal(
            ["llm.tensor_parallel_size: 4 is more than the 2 GPU(s) given in llm.gpus; give more GPUs or split across fewer"],
            Errors(new LlmSettingsInput { Model = "gpt2", Gpus = "0,1", TensorParallelSize = 4 }));
    }

    [Fact]
    public void A_cache_folder_under_a_system_path_is_refused()
    {
        var error = Errors(new LlmSettingsInput { Model = "gpt2", CacheVolume = "/etc/hf" }).Single();

        Assert.StartsWith("llm.cache_volume: host path '/etc/hf' is not allowed", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_token_keeps_the_saved_one_and_an_empty_one_removes_it()
    {
        var kept = LlmSettingsValidator.Validate(new LlmSettingsInput { Model = "gpt2" }, savedToken: "hf_saved").Settings!;
        var removed = LlmSettingsValidator.Validate(new LlmSettingsInput { Model = "gpt2", HfToken = "" }, savedToken: "hf_saved").Settings!;
        var replaced = LlmSettingsValidator.Validate(new LlmSettingsInput { Model = "gpt2", HfToken = "hf_new" }, savedToken: "hf_saved").Settings!;

        Assert.Equal("hf_saved", kept.HfToken);
        Assert.Null(removed.HfToken);
        Assert.Equal("hf_new", replaced.HfToken);
    }

    [Fact]
    public void Quantization_none_and_case_are_normalised()
    {
        Assert.Null(LlmSettingsValidator.Validate(new LlmSettingsInput { Model = "gpt2", Quantization = "none" }, null).Settings!.Quantization);
        Assert.Equal("awq", LlmSettingsValidator.Validate(new LlmSettingsInput { Model = "gpt2", Quantization = "AWQ" }, null).Settings!.Quantization);
    }

    private static List<string> Errors(LlmSettingsInput input) =>
        [.. LlmSettingsValidator.Validate(input, savedToken: null).Errors.Select(e => e.ToString())];
}
