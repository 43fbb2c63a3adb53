using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WebOps.Data.Migrations
{
    /// <inheritdoc />
    public partial class Releases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "config",
                table: "deploy_runs",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "kind",
                table: "deploy_runs",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "Deploy");

            migrationBuilder.AddColumn<int>(
                name: "rollback_of",
                table: "deploy_runs",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // In place (SQLite 3.35+): EF's DropColumn would rebuild the table outside the transaction.
            migrationBuilder.Sql("ALTER TABLE deploy_runs DROP COLUMN config;");
            migrationBuilder.Sql("ALTER TABLE deploy_runs DROP COLUMN kind;");
            migrationBuilder.Sql("ALTER TABLE deploy_runs DROP COLUMN rollback_of;");
        }
    }
}
