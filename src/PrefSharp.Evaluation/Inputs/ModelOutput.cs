namespace PrefSharp.Evaluation.Inputs;

/// <summary>One model's answer to one instruction; <see cref="QuestionId"/> pairs answers of different generators.</summary>
public sealed record ModelOutput(string QuestionId, string Instruction, string Generator, string Output);
