package dev.dxcp.cli.audit;

import dev.dxcp.cli.CliContext;
import dev.dxcp.cli.CommandGroup;
import picocli.CommandLine.Command;

/** The audit log: the event store replayed, and its tamper-evidence chain checked (docs/AUDIT.md). */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "Replay and verify the audit log.",
        subcommands = {ReplayCommand.class, VerifyCommand.class})
public final class AuditCommand extends CommandGroup {
    AuditCommand(CliContext cli) {
        super(cli);
    }
}
