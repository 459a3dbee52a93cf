using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace OpenOrders.Api.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Updates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OrderStatusTransitions_OrderId_Sequence",
                table: "OrderStatusTransitions");

            migrationBuilder.AddColumn<Guid>(
                name: "PendingAcceptedStartMomentId",
                table: "Orders",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "OrderChanges",
                columns: table => new
                {
                    Position = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrderId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    DateCreated = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ModifiedFields = table.Column<List<string>>(type: "text[]", nullable: false),
                    StatusTransitionId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrderChanges", x => x.Position);
                    table.ForeignKey(
                        name: "FK_OrderChanges_Orders_OrderId",
                        column: x => x.OrderId,
                        principalTable: "Orders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OrderStatusTransitions_OrderId_Sequence",
                table: "OrderStatusTransitions",
                columns: new[] { "OrderId", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_OrderChanges_Id",
                table: "OrderChanges",
                column: "Id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OrderChanges_OrderId_Version",
                table: "OrderChanges",
                columns: new[] { "OrderId", "Version" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OrderChanges");

            migrationBuilder.DropIndex(
                name: "IX_OrderStatusTransitions_OrderId_Sequence",
                table: "OrderStatusTransitions");

            migrationBuilder.DropColumn(
                name: "PendingAcceptedStartMomentId",
                table: "Orders");

            migrationBuilder.CreateIndex(
                name: "IX_OrderStatusTransitions_OrderId_Sequence",
                table: "OrderStatusTransitions",
                columns: new[] { "OrderId", "Sequence" },
                unique: true);
        }
    }
}
