namespace PrefSharp.Core.Ranking;

/// <summary>
/// The leaderboard models of <see cref="LeaderboardBuilder"/>; CLI names in <see cref="RankingModelNames"/>.
/// Adding a model: a member here, a name there, and one case in <see cref="LeaderboardBuilder.CreateModel"/>.
/// </summary>
public enum RankingModel
{
    /// <summary>"bt": Bradley–Terry, ties as half wins.</summary>
    BradleyTerry,
    /// <summary>"elo": online Elo.</summary>
    Elo,
    /// <summary>"rao-kupper": Bradley–Terry with Rao–Kupper ties.</summary>
    RaoKupper,
    /// <summary>"davidson": Bradley–Terry with Davidson ties.</summary>
    Davidson,
    /// <summary>"plackett-luce": rankings and choices (battles as two-item rankings).</summary>
    PlackettLuce,
    /// <summary>"thurstone": Thurstone–Mosteller probit model.</summary>
    Thurstone,
}
