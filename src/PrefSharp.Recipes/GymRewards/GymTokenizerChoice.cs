using PrefSharp.Torch.Tokenization;

namespace PrefSharp.Recipes.GymRewards;

/// <summary>The tokenizer <see cref="GymTokenizer.Choose"/> picked: its kind ("bpe" or "byte-level"), itself, and how to write its files into a checkpoint folder.</summary>
public sealed record GymTokenizerChoice(string Kind, ITokenizer Tokenizer, Action<string> Save);
