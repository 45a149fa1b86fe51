package dev.dxcp.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar's manifest (the Maven project version). */
public final class CliVersion implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = Dxcp.class.getPackage().getImplementationVersion();
        return new String[]{"dxcp " + (version == null ? "development build" : version)};
    }
}
