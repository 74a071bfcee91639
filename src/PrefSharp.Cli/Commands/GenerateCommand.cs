using System.CommandLine;
using System.Text.Json;
using PrefSharp.Core.Data;
using PrefSharp.Torch.Checkpoints;
using PrefSharp.Torch.Generation;
using PrefSharp.Torch.Tokenization;

namespace PrefSharp.Cli.Commands;

/// <summary>
/// <c>prefsharp generate --model DIR --prompt TEXT</c>: loads a checkpoint (config.json + safetensors) and the
/// tokenizer beside it, and samples completions with the key/value cache.
/// </summary>
public static class GenerateCommand
{
    private static readonly Option<string> Model = new("--model") { Description = "Checkpoint directory: config.json, model.safetensors and the tokenizer", Required = true };
    private static readonly Option<string[]> Prompt = new("--prompt") { Description = "A prompt (repeat for several)" };
    private static readonly Option<string?> Prompts = new("--prompts") { Description = "File of prompts: one per line, or a PrefSharp data file (each record's prompt)" };
    private static readonly Option<int> MaxNewTokens = new("--max-new-tokens") { Description = "Most tokens generated per prompt", DefaultValueFactory = _ => 64 };
    private static readonly Option<double> Temperature = new("--temperature") { Description = "Softmax temperature; 0 is greedy", DefaultValueFactory = _ => 1.0 };
    private static readonly Option<int> TopK = new("--top-k") { Description = "Sample among the k most likely tokens (0: off)", DefaultValueFactory = _ => 0 };
    private static readonly Option<double> TopP = new("--top-p") { Description = "Nucleus sampling mass in (0, 1] (1: off)", DefaultValueFactory = _ => 1.0 };
    private static readonly Option<long> Seed = new("--seed") { Description = "Seed: the same seed gives the same text", DefaultValueFactory = _ => 0 };
    private static readonly Option<bool> Chat = new("--chat") { Description = "Wrap each prompt as a user turn of the chat template and stop at the end-of-turn marker" };
    private static readonly Option<string> Template = new("--template") { Description = "Chat template with --chat: auto (from tokenizer_config.json), chatml, llama3 or plain", DefaultValueFactory = _ => "auto" };
    private static readonly Option<int> BatchSize = new("--batch-size") { Description = "Prompts generated together", DefaultValueFactory = _ => 8 };
    private static readonly Option<string> Output = new("--output") { Description = "text or jsonl", DefaultValueFactory = _ => "text" };

    public static Command Create()
    {
        Template.AcceptOnlyFromAmong("auto", "chatml", "llama3", "plain");
        Output.AcceptOnlyFromAmong("text", "jsonl");
        var command = new Command("generate", "Sample completions from a checkpoint (KV cache; temperature, top-k, top-p; seeded)")
        {
            Model, Prompt, Prompts, MaxNewTokens, Temperature, TopK, TopP, Seed, Chat, Template, BatchSize, Output,
        };
        command.SetAction(Run);
        return command.WithExamples(
            "prefsharp generate --model runs/sft --prompt \"Write a haiku about rain\" --chat --temperature 0.7 --top-p 0.9",
            "prefsharp generate --model runs/sft --prompts prompts.txt --temperature 0 --output jsonl > completions.jsonl");
    }

    private static int Run(ParseResult parse)
    {
        var writer = parse.InvocationConfiguration.Output;
        var prompts = (parse.GetValue(Prompt) ?? []).Select(Passage.FromText).ToList();
        if (parse.GetValue(Prompts) is { } file) prompts.AddRange(CorpusTexts.Prompts(file));
        if (prompts.Count == 0) throw new ArgumentException("give at least one prompt: --prompt TEXT or --prompts FILE", "--prompt");
        var options = new GenerationOptions
        {
            MaxNewTokens = parse.GetValue(MaxNewTokens),
            Temperature = parse.GetValue(Temperature),
            TopK = parse.GetValue(TopK),
            TopP = parse.GetValue(TopP),
            Seed = parse.GetValue(Seed),
        }.Validate();
        var directory = parse.GetValue(Model)!;
        var tokenizer = TokenizerFiles.Load(directory);
        var kind = !parse.GetValue(Chat) ? ChatTemplateKind.Plain : parse.GetValue(Template) switch
        {
            "chatml" => ChatTemplateKind.ChatMl,
            "llama3" => ChatTemplateKind.Llama3,
            "plain" => ChatTemplateKind.Plain,
            _ => ChatTemplateKind.Auto,
        };
        var template = ChatTemplate.For(tokenizer, kind);
        using var model = Checkpoint.Load(directory);
        var completions = TextGenerator.Generate(model, template, prompts, options, parse.GetValue(BatchSize));
        for (var i = 0; i < completions.Count; i++)
        {
            var completion = completions[i];
            if (parse.GetValue(Output) == "jsonl")
            {
                writer.WriteLine(JsonSerializer.Serialize(new
                {
                    prompt = prompts[i].ToPlainText(), completion = completion.Text, tokens = completion.CompletionIds.Count, stopped = completion.Stopped,
                }));
                continue;
            }
            writer.WriteLine($"### {prompts[i].ToPlainText()}");
            writer.WriteLine(completion.Text);
            writer.WriteLine($"({completion.CompletionIds.Count} tokens, {(completion.Stopped ? "stopped" : "token limit")})");
            writer.WriteLine();
        }
        return 0;
    }
}
