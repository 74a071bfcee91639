namespace PrefSharp.Core.Data;

/// <summary>What <see cref="DataConverter"/> writes (<c>prefsharp data convert --to trl|battles|parquet</c>).</summary>
public enum ConvertTarget
{
    /// <summary>TRL JSONL (pairs, unpaired judgements, prompts); battles become pairs.</summary>
    Trl,
    /// <summary>PrefSharp battle JSONL; pairs with model names become battles.</summary>
    Battles,
    /// <summary>Parquet: pairs in TRL's columns, or battles in PrefSharp's, as the first record is.</summary>
    Parquet,
}
