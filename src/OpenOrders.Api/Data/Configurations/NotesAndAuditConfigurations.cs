using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenOrders.Api.Audit;
using OpenOrders.Api.Orders;
using OpenOrders.Domain.Orders;

namespace OpenOrders.Api.Data.Configurations;

internal sealed class OrderNoteConfiguration : IEntityTypeConfiguration<OrderNote>
{
    public void Configure(EntityTypeBuilder<OrderNote> note)
    {
        note.HasKey(n => n.Id);
        note.HasOne<Order>().WithMany().HasForeignKey(n => n.OrderId).OnDelete(DeleteBehavior.Cascade);
        note.HasIndex(n => new { n.OrderId, n.DateCreated });
        note.Property(n => n.AuthorId).HasMaxLength(320);
        note.Property(n => n.Text).HasMaxLength(OrderNote.TextLength);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> entry)
    {
        entry.HasKey(e => e.Id);
        entry.HasIndex(e => e.At);
        entry.Property(e => e.ActorId).HasMaxLength(AuditEntry.SubjectLength);
        entry.Property(e => e.Subject).HasMaxLength(AuditEntry.SubjectLength);
        entry.Property(e => e.Details).HasMaxLength(AuditEntry.DetailsLength);
    }
}
