namespace PrefSharp.Core.Gym.Sampling;

/// <summary>A simulated annotator's verdict on two samples of the same prompt; <see cref="A"/> was shown first.</summary>
public sealed record GymJudgement(GymSample A, GymSample B, Data.BattleOutcome Outcome, string AnnotatorId);
