namespace OpenOrders.Api.WebConsole;

/// <summary>
/// The console's texts: the English text is the key, <c>ConsoleText.nl.resx</c> holds the Dutch. A test checks that
/// every text a page asks for has its Dutch translation.
/// </summary>
public sealed class ConsoleText;
