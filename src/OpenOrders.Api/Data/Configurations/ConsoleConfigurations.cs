using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenOrders.Api.Orders;
using OpenOrders.Api.People;
using OpenOrders.Api.WebConsole;

namespace OpenOrders.Api.Data.Configurations;

internal sealed class SavedViewConfiguration : IEntityTypeConfiguration<SavedView>
{
    public void Configure(EntityTypeBuilder<SavedView> view)
    {
        view.HasKey(v => v.Id);
        view.Property(v => v.Id).ValueGeneratedNever();
        view.Property(v => v.Name).HasMaxLength(SavedView.NameLength);
        view.Property(v => v.Query).HasMaxLength(SavedView.QueryLength);
        view.HasIndex(v => new { v.PersonId, v.Name }).IsUnique();
        view.HasOne<Person>().WithMany().HasForeignKey(v => v.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BulkMoveConfiguration : IEntityTypeConfiguration<BulkMove>
{
    public void Configure(EntityTypeBuilder<BulkMove> move)
    {
        move.HasKey(m => m.Id);
        move.Property(m => m.Id).ValueGeneratedNever();
        move.Property(m => m.ActorId).HasMaxLength(320);
        move.Property(m => m.LeaseOwner).HasMaxLength(100);
        move.HasIndex(m => m.DueAt);
        move.HasMany(m => m.Items).WithOne().HasForeignKey(i => i.BulkMoveId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BulkMoveItemConfiguration : IEntityTypeConfiguration<BulkMoveItem>
{
    public void Configure(EntityTypeBuilder<BulkMoveItem> item)
    {
        item.HasKey(i => new { i.BulkMoveId, i.Position });
        item.Property(i => i.Message).HasMaxLength(2000);
    }
}
