using System.CommandLine;
using System.Text;
using PrefSharp.Torch.Tokenization;

namespace PrefSharp.Cli.Commands;

/// <summary>
/// <c>prefsharp tokenizer train --input FILE… --vocab-size N --out DIR</c>: learns byte-level BPE merges and writes
/// <c>tokenizer.json</c> + <c>tokenizer_config.json</c>, then reports the compression on the training text.
/// </summary>
public static class TokenizerTrainCommand
{
    private static readonly Option<string[]> Input = new("--input") { Description = "Text files, or PrefSharp data files (.jsonl/.json/.csv/.parquet[.gz]: prompts and completions are used)", Required = true, AllowMultipleArgumentsPerToken = true };
    private static readonly Option<int> VocabSize = new("--vocab-size") { Description = "Ids in the tokenizer: 256 bytes + merges + special tokens", DefaultValueFactory = _ => 4096 };
    private static readonly Option<string> Out = new("--out") { Description = "Directory to write tokenizer.json and tokenizer_config.json into", Required = true };
    private static readonly Option<int> MinFrequency = new("--min-frequency") { Description = "Never merge a pair seen fewer times (training may stop below --vocab-size)", DefaultValueFactory = _ => 2 };
    private static readonly Option<string> Markers = new("--chat-markers") { Description = "Special tokens after <|endoftext|>: chatml (<|im_start|>, <|im_end|>), llama3, or none", DefaultValueFactory = _ => "chatml" };

    public static Command Create()
    {
        Markers.AcceptOnlyFromAmong("chatml", "llama3", "none");
        var reading = new ReadingOptions();
        var command = new Command("train", "Train a byte-level BPE vocabulary (Sennrich et al. 2016; Radford et al. 2019) and save it as a Hugging Face tokenizer.json")
        {
            Input, VocabSize, Out, MinFrequency, Markers,
        };
        reading.AddTo(command);
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var texts = parse.GetValue(Input)!.SelectMany(path => CorpusTexts.Read(path, reading.From(parse))).ToList();
            var options = new BpeTrainerOptions
            {
                VocabularySize = parse.GetValue(VocabSize),
                MinFrequency = parse.GetValue(MinFrequency),
                SpecialTokens = parse.GetValue(Markers) switch
                {
                    "llama3" => [SpecialTokens.EndOfText, .. SpecialTokens.Llama3],
                    "none" => [SpecialTokens.EndOfText],
                    _ => [SpecialTokens.EndOfText, .. SpecialTokens.ChatMl],
                },
            };
            var trained = BpeTrainer.Train(texts, options);
            var directory = parse.GetValue(Out)!;
            trained.Save(directory);
            var tokenizer = TokenizerFiles.Load(directory);
            var bytes = texts.Sum(t => (long)Encoding.UTF8.GetByteCount(t));
            var tokens = texts.Sum(t => (long)tokenizer.Encode(t).Count);
            output.WriteLine($"vocabulary: {trained.VocabularySize} ids ({trained.Merges.Count} merges, {trained.SpecialTokens.Count} special tokens: {string.Join(" ", trained.SpecialTokens)})");
            if (trained.VocabularySize < options.VocabularySize)
                output.WriteLine($"  stopped below --vocab-size {options.VocabularySize}: no pair is seen {options.MinFrequency}+ times");
            output.WriteLine($"training text: {bytes:N0} bytes → {tokens:N0} tokens, {(tokens == 0 ? 0 : bytes / (double)tokens):F2} bytes/token");
            output.WriteLine($"wrote {Path.Combine(directory, TokenizerJsonReader.FileName)} and {TokenizerConfig.FileName}");
            return 0;
        });
        return command.WithExamples(
            "prefsharp tokenizer train --input corpus.txt --vocab-size 2048 --out tok/",
            "prefsharp tokenizer train --input pairs.jsonl.gz --vocab-size 8192 --out tok/ --chat-markers llama3");
    }
}
