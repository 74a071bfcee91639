namespace PrefSharp.Core.Data;

/// <summary>A named input format, listed in <see cref="DataFormat"/>; <see cref="Name"/> is what a user types (<c>--format trl</c>).</summary>
public interface IDataFormat
{
    /// <summary>Short command-line name, lower case with dashes.</summary>
    string Name { get; }

    /// <summary>One line: the source and the fields it expects.</summary>
    string Description { get; }
}
