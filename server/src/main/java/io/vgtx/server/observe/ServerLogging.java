package io.vgtx.server.observe;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import org.slf4j.LoggerFactory;

import java.net.URL;

/**
 * Switches logging to the server's configuration: one JSON object per line on stderr (logback's
 * {@code JsonEncoder}), INFO for VGT Exchange (the access log included), WARN for libraries. The command-line
 * tools keep their quiet plain-text configuration; only {@code vgtx serve} calls this.
 */
public final class ServerLogging {
    public static final String CONFIG = "/io/vgtx/server/logback-server.xml";

    private ServerLogging() {
    }

    public static void useJsonLogs() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) return;
        URL config = ServerLogging.class.getResource(CONFIG);
        if (config == null) throw new IllegalStateException(CONFIG + " is missing from the class path");
        context.reset();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(config);
        } catch (JoranException e) {
            throw new IllegalStateException("cannot configure logging from " + CONFIG, e);
        }
    }
}
