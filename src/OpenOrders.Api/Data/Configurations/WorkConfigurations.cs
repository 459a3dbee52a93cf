using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenOrders.Api.Orders;
using OpenOrders.Api.Validation;
using OpenOrders.Api.Webhooks;
using OpenOrders.Domain.Catalog;

namespace OpenOrders.Api.Data.Configurations;

internal sealed class ValidationJobConfiguration : IEntityTypeConfiguration<ValidationJob>
{
    public void Configure(EntityTypeBuilder<ValidationJob> job)
    {
        job.HasKey(j => j.OrderId);
        job.HasIndex(j => j.DueAt);
        job.Property(j => j.LeaseOwner).HasMaxLength(100);
        job.Property(j => j.LastError).HasMaxLength(1000);
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
        counter.HasData(new Counter { Name = Counter.InvoiceNumber, Value = 0 },
            new Counter { Name = Counter.EventFeed, Value = 0 },
            new Counter { Name = Counter.OrderNumber, Value = 0 });
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

internal sealed class WebhookSubscriptionConfiguration : IEntityTypeConfiguration<WebhookSubscription>
{
    public void Configure(EntityTypeBuilder<WebhookSubscription> subscription)
    {
        subscription.HasKey(s => s.Id);
        subscription.Property(s => s.CallbackUrl).HasMaxLength(2000);
        subscription.Property(s => s.Secret).HasMaxLength(200);
        subscription.Property(s => s.PreviousSecret).HasMaxLength(200);
        subscription.Property(s => s.DisabledReason).HasMaxLength(500);
        subscription.HasIndex(s => new { s.OwnerRole, s.TenantId });
    }
}

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> delivery)
    {
        delivery.HasKey(d => d.Id);
        delivery.Ignore(d => d.MessageId);
        delivery.HasIndex(d => new { d.Status, d.DueAt });
        delivery.HasIndex(d => new { d.SubscriptionId, d.DateCreated });
        delivery.Property(d => d.LeaseOwner).HasMaxLength(100).IsConcurrencyToken();
    }
}

internal sealed class WebhookAttemptConfiguration : IEntityTypeConfiguration<WebhookAttempt>
{
    public void Configure(EntityTypeBuilder<WebhookAttempt> attempt)
    {
        attempt.HasKey(a => a.Id);
        attempt.Property(a => a.Id).ValueGeneratedOnAdd();
        attempt.Property(a => a.Error).HasMaxLength(1000);
        attempt.Property(a => a.ResponseExcerpt).HasMaxLength(AttemptResult.ExcerptLength);
        attempt.HasIndex(a => new { a.SubscriptionId, a.Id });
        attempt.HasIndex(a => a.AttemptedAt);
    }
}

internal sealed class MailMessageConfiguration : IEntityTypeConfiguration<Mail.MailMessage>
{
    public void Configure(EntityTypeBuilder<Mail.MailMessage> mail)
    {
        mail.ToTable("MailMessages");
        mail.HasKey(m => m.Position);
        mail.Property(m => m.Position).ValueGeneratedOnAdd();
        mail.HasIndex(m => m.Id).IsUnique();
        mail.HasIndex(m => new { m.Status, m.DueAt });
        mail.HasIndex(m => m.OrderId);
        mail.HasIndex(m => m.DateCreated);
        mail.HasIndex(m => m.OnceKey).IsUnique();
        mail.Property(m => m.To).HasMaxLength(320);
        mail.Property(m => m.ToName).HasMaxLength(300);
        mail.Property(m => m.Language).HasMaxLength(2);
        mail.Property(m => m.Subject).HasMaxLength(1000);
        mail.Property(m => m.Cause).HasMaxLength(300);
        mail.Property(m => m.OnceKey).HasMaxLength(100);
        mail.Property(m => m.LastError).HasMaxLength(1000);
        mail.Property(m => m.LeaseOwner).HasMaxLength(100).IsConcurrencyToken();
    }
}
