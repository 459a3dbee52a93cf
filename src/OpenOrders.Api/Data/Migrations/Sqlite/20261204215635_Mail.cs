using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenOrders.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Mail : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "FailureMailedAt",
                table: "WebhookSubscriptions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Language",
                table: "Providers",
                type: "TEXT",
                maxLength: 2,
                nullable: false,
                defaultValue: "nl");

            migrationBuilder.AddColumn<string>(
                name: "Language",
                table: "People",
                type: "TEXT",
                maxLength: 2,
                nullable: false,
                defaultValue: "nl");

            migrationBuilder.AddColumn<string>(
                name: "WaitingOrdersMail",
                table: "People",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "Daily");

            migrationBuilder.AddColumn<bool>(
                name: "WebhookProblemsMail",
                table: "People",
                type: "INTEGER",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<string>(
                name: "Status",
                table: "OrderChanges",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "PendingValidation");

            migrationBuilder.AddColumn<string>(
                name: "Language",
                table: "Accounts",
                type: "TEXT",
                maxLength: 2,
                nullable: false,
                defaultValue: "nl");

            migrationBuilder.AddColumn<bool>(
                name: "NotifyStudents",
                table: "Accounts",
                type: "INTEGER",
                nullable: false,
                defaultValue: true);

            migrationBuilder.CreateTable(
                name: "MailMessages",
                columns: table => new
                {
                    Position = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    To = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    ToName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Language = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Html = table.Column<string>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    Cause = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    OrderId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SubscriptionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OnceKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LeaseOwner = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    LeaseExpiresAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DateCreated = table.Column<long>(type: "INTEGER", nullable: false),
                    DateSent = table.Column<long>(type: "INTEGER", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MailMessages", x => x.Position);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MailMessages_DateCreated",
                table: "MailMessages",
                column: "DateCreated");

            migrationBuilder.CreateIndex(
                name: "IX_MailMessages_Id",
                table: "MailMessages",
                column: "Id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MailMessages_OnceKey",
                table: "MailMessages",
                column: "OnceKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MailMessages_OrderId",
                table: "MailMessages",
                column: "OrderId");

            migrationBuilder.CreateIndex(
                name: "IX_MailMessages_Status_DueAt",
                table: "MailMessages",
                columns: new[] { "Status", "DueAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MailMessages");

            migrationBuilder.DropColumn(
                name: "FailureMailedAt",
                table: "WebhookSubscriptions");

            migrationBuilder.DropColumn(
                name: "Language",
                table: "Providers");

            migrationBuilder.DropColumn(
                name: "Language",
                table: "People");

            migrationBuilder.DropColumn(
                name: "WaitingOrdersMail",
                table: "People");

            migrationBuilder.DropColumn(
                name: "WebhookProblemsMail",
                table: "People");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "OrderChanges");

            migrationBuilder.DropColumn(
                name: "Language",
                table: "Accounts");

            migrationBuilder.DropColumn(
                name: "NotifyStudents",
                table: "Accounts");
        }
    }
}
