package io.streamdesk.app;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.RollingFileAppender;
import org.apache.logging.log4j.core.appender.rolling.DefaultRolloverStrategy;
import org.apache.logging.log4j.core.appender.rolling.SizeBasedTriggeringPolicy;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.ConfigurationFactory;
import org.apache.logging.log4j.core.config.ConfigurationSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The app's log4j2.xml (D3): rolling file under streamdesk.logDir, 10 MB x 5, noisy libraries at WARN. */
class LoggingConfigurationTest {
    @TempDir
    Path logDir;

    @Test
    void appConfigurationRollsInTheLogDirectory() throws Exception {
        String previous = System.getProperty("streamdesk.logDir");
        System.setProperty("streamdesk.logDir", logDir.toString());
        LoggerContext context = new LoggerContext("log-config-test");
        try (InputStream in = getClass().getResourceAsStream("/log4j2.xml")) {
            Configuration config = ConfigurationFactory.getInstance()
                    .getConfiguration(context, new ConfigurationSource(in));
            config.initialize();

            RollingFileAppender file = config.getAppender("File");
            assertThat(Path.of(file.getFileName())).isEqualTo(logDir.resolve("streamdesk.log"));
            SizeBasedTriggeringPolicy size = file.getTriggeringPolicy() instanceof SizeBasedTriggeringPolicy s ? s
                    : ((org.apache.logging.log4j.core.appender.rolling.CompositeTriggeringPolicy) file.getTriggeringPolicy())
                    .getTriggeringPolicies()[0] instanceof SizeBasedTriggeringPolicy s2 ? s2 : null;
            assertThat(size).isNotNull();
            assertThat(size.getMaxFileSize()).isEqualTo(10L * 1024 * 1024);
            assertThat(((DefaultRolloverStrategy) file.getManager().getRolloverStrategy()).getMaxIndex()).isEqualTo(5);
            assertThat(config.getLoggerConfig("org.apache.flink.runtime").getLevel()).isEqualTo(Level.WARN);
            assertThat(config.getLoggerConfig("org.hibernate.SQL").getLevel()).isEqualTo(Level.WARN);
            assertThat(config.getRootLogger().getLevel()).isEqualTo(Level.INFO);
        } finally {
            context.stop();
            if (previous == null) {
                System.clearProperty("streamdesk.logDir");
            } else {
                System.setProperty("streamdesk.logDir", previous);
            }
        }
    }
}
