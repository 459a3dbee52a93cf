namespace OpenOrders.Domain;

/// <summary>Who is acting. Every client has exactly one role; <see cref="System"/> is the service itself.</summary>
public enum Role
{
    Account,
    Provider,
    Admin,
    System,
}
