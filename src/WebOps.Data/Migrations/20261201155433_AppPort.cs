using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WebOps.Data.Migrations
{
    /// <inheritdoc />
    public partial class AppPort : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "app_port",
                table: "deployments",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // In place (SQLite 3.35+): EF's DropColumn would rebuild the table outside the transaction.
            migrationBuilder.Sql("ALTER TABLE deployments DROP COLUMN app_port;");
        }
    }
}
