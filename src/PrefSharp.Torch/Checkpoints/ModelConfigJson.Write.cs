using System.Text.Json.Nodes;
using PrefSharp.Torch.Models;
using PrefSharp.Torch.Runtime;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Checkpoints;

public static partial class ModelConfigJson
{
    private static JsonObject Write(ModelConfig c, ScalarType dtype)
    {
        var json = c.Family == ModelFamily.Gpt2 ? WriteGpt2(c) : WriteLlama(c);
        json["initializer_range"] = c.InitializerRange;
        json["tie_word_embeddings"] = c.TieWordEmbeddings;
        if (c.BosTokenId is { } bos) json["bos_token_id"] = bos;
        if (c.EosTokenIds.Count == 1) json["eos_token_id"] = c.EosTokenIds[0];
        else if (c.EosTokenIds.Count > 1) json["eos_token_id"] = new JsonArray([.. c.EosTokenIds.Select(id => (JsonNode)id)]);
        if (c.PadTokenId is { } pad) json["pad_token_id"] = pad;
        json["torch_dtype"] = ComputeDTypes.Name(dtype);
        return json;
    }

    private static JsonObject WriteGpt2(ModelConfig c) => new()
    {
        ["architectures"] = new JsonArray("GPT2LMHeadModel"),
        ["model_type"] = "gpt2",
        ["vocab_size"] = c.VocabSize,
        ["n_embd"] = c.HiddenSize,
        ["n_layer"] = c.NumLayers,
        ["n_head"] = c.NumHeads,
        ["n_inner"] = c.IntermediateSize,
        ["n_positions"] = c.MaxPositions,
        ["layer_norm_epsilon"] = c.NormEpsilon,
        ["activation_function"] = c.Activation,
    };

    private static JsonObject WriteLlama(ModelConfig c)
    {
        var qwen = c.Family == ModelFamily.Qwen2;
        var json = new JsonObject
        {
            ["architectures"] = new JsonArray(qwen ? "Qwen2ForCausalLM" : "LlamaForCausalLM"),
            ["model_type"] = qwen ? "qwen2" : "llama",
            ["vocab_size"] = c.VocabSize,
            ["hidden_size"] = c.HiddenSize,
            ["intermediate_size"] = c.IntermediateSize,
            ["num_hidden_layers"] = c.NumLayers,
            ["num_attention_heads"] = c.NumHeads,
            ["num_key_value_heads"] = c.NumKeyValueHeads,
            ["max_position_embeddings"] = c.MaxPositions,
            ["rms_norm_eps"] = c.NormEpsilon,
            ["rope_theta"] = c.RopeTheta,
            ["hidden_act"] = c.Activation,
        };
        if (c.HeadDim > 0) json["head_dim"] = c.HeadDim;
        if (!qwen) json["attention_bias"] = c.AttentionBias;
        return json;
    }
}
