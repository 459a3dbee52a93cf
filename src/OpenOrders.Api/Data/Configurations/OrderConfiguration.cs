using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenOrders.Domain.Orders;

namespace OpenOrders.Api.Data.Configurations;

/// <summary>
/// An order is one row: the customer as columns, order lines, fees and errors as JSON documents (they are
/// always read and written with the order), and its status transitions in their own table (each has a URL).
/// </summary>
internal sealed class OrderConfiguration : IEntityTypeConfiguration<Order>
{
    public void Configure(EntityTypeBuilder<Order> order)
    {
        order.HasKey(o => o.Id);
        order.Property(o => o.Id).ValueGeneratedNever();
        order.HasIndex(o => o.OrderNumber).IsUnique();
        order.HasIndex(o => new { o.DateModified, o.Id });
        order.HasIndex(o => new { o.AccountId, o.DateModified });
        order.HasIndex(o => new { o.ProviderId, o.DateModified });
        order.HasIndex(o => new { o.Status, o.AcceptedStartMomentDate });
        order.Property(o => o.Version).IsConcurrencyToken();
        order.Ignore(o => o.StatusDisplayValue);
        order.Ignore(o => o.InvoicingStatus);

        foreach (var property in order.Metadata.ClrType.GetProperties().Where(p => p.PropertyType == typeof(string) && p.CanWrite))
            order.Property(property.Name).HasMaxLength(property.Name.EndsWith("StartMomentId") ? 100 : 300);

        order.ComplexProperty(o => o.Customer, customer =>
        {
            customer.Property(c => c.Email).HasMaxLength(320);
            customer.ComplexProperty(c => c.Address);
        });

        order.OwnsMany(o => o.OrderLines, lines =>
        {
            lines.ToJson();
            lines.OwnsOne(l => l.InvoiceOnBehalfOf);
        });
        order.OwnsMany(o => o.OrderLineFees, fees => fees.ToJson());
        order.OwnsMany(o => o.OrderLineAccountFees, fees => fees.ToJson());
        order.OwnsMany(o => o.Errors, errors => errors.ToJson());

        order.HasMany(o => o.StatusTransitions).WithOne().HasForeignKey(t => t.OrderId);
    }
}

internal sealed class OrderStatusTransitionConfiguration : IEntityTypeConfiguration<OrderStatusTransition>
{
    public void Configure(EntityTypeBuilder<OrderStatusTransition> transition)
    {
        transition.HasKey(t => t.Id);
        transition.Property(t => t.Id).ValueGeneratedNever();
        transition.HasIndex(t => new { t.OrderId, t.Sequence }).IsUnique();
        transition.Property(t => t.Message).HasMaxLength(2000);
    }
}
