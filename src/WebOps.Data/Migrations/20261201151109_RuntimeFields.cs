using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WebOps.Data.Migrations
{
    /// <inheritdoc />
    public partial class RuntimeFields : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // runtime_id held a container id or, for apps run without Docker, a process id; runtime_image an image
            // or a command. Each value moves to the column named for what it holds.
            migrationBuilder.AddColumn<string>(name: "container_image", table: "deployments", type: "TEXT", nullable: true);
            migrationBuilder.AddColumn<string>(name: "container_id", table: "deployments", type: "TEXT", nullable: true);
            migrationBuilder.AddColumn<int>(name: "process_id", table: "deployments", type: "INTEGER", nullable: true);
            migrationBuilder.AddColumn<string>(name: "process_command", table: "deployments", type: "TEXT", nullable: true);
            migrationBuilder.Sql("UPDATE deployments SET container_image = runtime_image, container_id = runtime_id WHERE use_docker = 1;");
            migrationBuilder.Sql(
                "UPDATE deployments SET process_command = runtime_image, "
                + "process_id = CASE WHEN runtime_id GLOB '[0-9]*' AND runtime_id NOT GLOB '*[^0-9]*' THEN CAST(runtime_id AS INTEGER) END "
                + "WHERE use_docker = 0;");
            // SQLite drops plain columns in place (3.35+); EF's DropColumn would rebuild the table outside the transaction.
            migrationBuilder.Sql("ALTER TABLE deployments DROP COLUMN runtime_image;");
            migrationBuilder.Sql("ALTER TABLE deployments DROP COLUMN runtime_id;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(name: "runtime_image", table: "deployments", type: "TEXT", nullable: true);
            migrationBuilder.AddColumn<string>(name: "runtime_id", table: "deployments", type: "TEXT", nullable: true);
            migrationBuilder.Sql(
                "UPDATE deployments SET runtime_image = COALESCE(container_image, process_command), "
                + "runtime_id = COALESCE(container_id, CAST(process_id AS TEXT));");
            foreach (var column in new[] { "container_image", "container_id", "process_id", "process_command" })
            {
                migrationBuilder.Sql($"ALTER TABLE deployments DROP COLUMN {column};");
            }
        }
    }
}
