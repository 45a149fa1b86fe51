package dev.dxcp.testsupport.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The OS user the server processes run as. PostgreSQL refuses to start as root, and CI runs as
 * root, so in that case initdb/pg_ctl run as the {@code postgres} account (present wherever the
 * Debian packages are installed) through runuser, or su when runuser is missing.
 */
final class ServerOsUser {

    private static final String SERVICE_ACCOUNT = "postgres";

    private final boolean switchUser;

    private ServerOsUser(boolean switchUser) {
        this.switchUser = switchUser;
    }

    /** Decides by looking at who owns a directory this JVM just created. */
    static ServerOsUser forProcessOwning(Path freshDirectory) {
        try {
            Object uid = Files.getAttribute(freshDirectory, "unix:uid");
            return new ServerOsUser(Integer.valueOf(0).equals(uid));
        } catch (UnsupportedOperationException | IllegalArgumentException | IOException e) {
            // No answer from the file system: the JVM's own account name is the next best evidence.
            return new ServerOsUser("root".equals(System.getProperty("user.name")));
        }
    }

    boolean switchesUser() {
        return switchUser;
    }

    /** Makes a directory this JVM created usable by the server account. */
    void handOver(Path path) {
        if (!switchUser) {
            return;
        }
        try {
            UserPrincipal owner = FileSystems.getDefault().getUserPrincipalLookupService()
                    .lookupPrincipalByName(SERVICE_ACCOUNT);
            Files.setOwner(path, owner);
            // The server insists its data directory is private; other directories need no more either.
            String mode = Files.isDirectory(path) ? "rwx------" : "rw-------";
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(mode));
        } catch (IOException e) {
            throw new UncheckedIOException("Running as root, but cannot hand " + path + " to the '"
                    + SERVICE_ACCOUNT + "' OS user (PostgreSQL refuses to run as root). Is the account there?", e);
        }
    }

    ProcessResult run(List<String> command, Path workDir, Duration timeout) {
        return Commands.run(wrap(command), workDir, Map.of(), timeout);
    }

    private List<String> wrap(List<String> command) {
        if (!switchUser) {
            return command;
        }
        List<String> wrapped = new ArrayList<>();
        if (Commands.onPath("runuser") != null) {
            wrapped.addAll(List.of("runuser", "-u", SERVICE_ACCOUNT, "--"));
            wrapped.addAll(command);
        } else {
            wrapped.addAll(List.of("su", "-s", "/bin/sh", SERVICE_ACCOUNT, "-c", Commands.shellJoin(command)));
        }
        return wrapped;
    }
}
