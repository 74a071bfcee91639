using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace PrefSharp.Torch.Tokenization;

/// <summary>
/// Writes a trained byte-level BPE in the layout of Hugging Face <c>tokenizers</c> (a GPT-2 style file: ByteLevel
/// pre-tokenizer and decoder, merges as "left right" strings, which every version of the library reads).
/// </summary>
internal static class TokenizerJsonWriter
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string TokenizerJson(TrainedBpe bpe) => Write(json =>
    {
        json.WriteString("version", "1.0");
        json.WriteNull("truncation");
        json.WriteNull("padding");
        json.WriteStartArray("added_tokens");
        for (var i = 0; i < bpe.SpecialTokens.Count; i++)
        {
            json.WriteStartObject();
            json.WriteNumber("id", bpe.Tokens.Count + i);
            json.WriteString("content", bpe.SpecialTokens[i]);
            foreach (var flag in new[] { "single_word", "lstrip", "rstrip", "normalized" }) json.WriteBoolean(flag, false);
            json.WriteBoolean("special", true);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteNull("normalizer");
        ByteLevel(json, "pre_tokenizer");
        ByteLevel(json, "post_processor");
        ByteLevel(json, "decoder");
        json.WriteStartObject("model");
        json.WriteString("type", "BPE");
        json.WriteNull("dropout");
        json.WriteNull("unk_token");
        json.WriteNull("continuing_subword_prefix");
        json.WriteNull("end_of_word_suffix");
        json.WriteBoolean("fuse_unk", false);
        json.WriteBoolean("byte_fallback", false);
        json.WriteStartObject("vocab");
        for (var id = 0; id < bpe.Tokens.Count; id++) json.WriteNumber(bpe.Tokens[id], id);
        json.WriteEndObject();
        json.WriteStartArray("merges");
        foreach (var (left, right) in bpe.Merges) json.WriteStringValue($"{left} {right}");
        json.WriteEndArray();
        json.WriteEndObject();
    });

    public static string TokenizerConfigJson(TrainedBpe bpe) => Write(json =>
    {
        var eos = bpe.SpecialTokens[0];
        json.WriteString("tokenizer_class", "PreTrainedTokenizerFast");
        json.WriteString("eos_token", eos);
        json.WriteString("pad_token", eos);
        json.WriteNull("bos_token");
        json.WriteBoolean("add_bos_token", false);
        json.WriteBoolean("clean_up_tokenization_spaces", false);
        if (SpecialTokens.ChatMl.All(bpe.SpecialTokens.Contains)) json.WriteString("chat_template", ChatTemplateTexts.ChatMl);
        else if (SpecialTokens.Llama3.All(bpe.SpecialTokens.Contains)) json.WriteString("chat_template", ChatTemplateTexts.Llama3);
    });

    /// <summary>GPT-2's ByteLevel component (the same object serves as pre-tokenizer, post-processor and decoder).</summary>
    private static void ByteLevel(Utf8JsonWriter json, string name)
    {
        json.WriteStartObject(name);
        json.WriteString("type", "ByteLevel");
        json.WriteBoolean("add_prefix_space", false);
        json.WriteBoolean("trim_offsets", true);
        json.WriteBoolean("use_regex", true);
        json.WriteEndObject();
    }

    private static string Write(Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, Options))
        {
            json.WriteStartObject();
            body(json);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
