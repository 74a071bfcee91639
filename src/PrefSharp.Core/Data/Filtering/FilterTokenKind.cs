namespace PrefSharp.Core.Data.Filtering;

internal enum FilterTokenKind
{
    Name,
    String,
    Number,
    Operator,
    Open,
    Close,
    Comma,
    End,
}
