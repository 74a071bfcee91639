namespace PrefSharp.Core.Data.Filtering;

/// <summary>One token of a <c>--where</c> condition: its kind, its text (a string literal unquoted) and its 1-based column.</summary>
internal readonly record struct FilterToken(FilterTokenKind Kind, string Text, int Column);
