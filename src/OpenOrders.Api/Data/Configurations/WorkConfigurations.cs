using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenOrders.Api.Orders;
using OpenOrders.Api.Validation;
using OpenOrders.Domain.Catalog;

namespace OpenOrders.Api.Data.Configurations;

internal sealed class ValidationJobConfiguration : IEntityTypeConfiguration<ValidationJob>
{
    public void Configure(EntityTypeBuilder<ValidationJob> job)
    {
        job.HasKey(j => j.OrderId);
        job.HasIndex(j => j.DueAt);
        job.Property(j => j.LeaseOwner).HasMaxLength(100);
    }
}

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> record)
    {
        record.HasKey(r => new { r.ClientId, r.Key });
        record.Property(r => r.ClientId).HasMaxLength(100);
        record.Property(r => r.Key).HasMaxLength(255);
        record.Property(r => r.RequestHash).HasMaxLength(64);
        record.HasIndex(r => r.ExpiresAt);
    }
}

internal sealed class CounterConfiguration : IEntityTypeConfiguration<Counter>
{
    public void Configure(EntityTypeBuilder<Counter> counter)
    {
        counter.HasKey(c => c.Name);
        counter.Property(c => c.Name).HasMaxLength(50);
        counter.HasData(new Counter { Name = Counter.InvoiceNumber, Value = 0 });
    }
}

internal sealed class PromotionalCodeConfiguration : IEntityTypeConfiguration<PromotionalCode>
{
    public void Configure(EntityTypeBuilder<PromotionalCode> code)
    {
        code.HasKey(c => c.Code);
        code.Property(c => c.Code).HasMaxLength(50);
    }
}
