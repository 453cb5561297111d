package io.vgtx.cli;

import io.vgtx.hashing.image.ImageDecoders;
import picocli.CommandLine.IVersionProvider;

import java.util.ArrayList;
import java.util.List;

/** {@code vgtx --version}: the build, the JVM, and which image decoders are active on this machine. */
public final class VersionInfo implements IVersionProvider {
    @Override
    public String[] getVersion() {
        List<String> lines = new ArrayList<>();
        String version = Main.class.getPackage().getImplementationVersion();
        lines.add("vgtx " + (version == null ? "(development build)" : version));
        lines.add("Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + "), "
                + Runtime.getRuntime().availableProcessors() + " cores");
        lines.add("Image decoders:");
        for (String decoder : ImageDecoders.detect().describe()) lines.add("  " + decoder);
        return lines.toArray(String[]::new);
    }
}
