namespace PrefSharp.Evaluation.Inputs;

/// <summary>One instruction to evaluate on; <see cref="Id"/> pairs the answers of different models.</summary>
public sealed record EvalPrompt(string Id, string Text);
