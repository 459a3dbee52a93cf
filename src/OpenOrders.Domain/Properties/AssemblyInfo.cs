using System.Runtime.CompilerServices;

// The domain tests build orders in any state through the fields' setters; the service cannot (it goes through
// Order.Create and the order's own methods).
[assembly: InternalsVisibleTo("OpenOrders.Domain.Tests")]
