package dev.dxcp.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/** {@code java -jar dxcp-cli.jar ...} (bin/dxcp): the process environment, real stdout/stderr, exit code. */
public final class DxcpMain {
    private DxcpMain() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        boolean terminal = System.console() != null && !"dumb".equals(System.getenv("TERM"));
        CliContext cli = new CliContext(System.getenv(), out, err, Clock.systemUTC(), terminal);
        int code = Cli.run(cli, args);
        out.flush();
        err.flush();
        System.exit(code);
    }
}
