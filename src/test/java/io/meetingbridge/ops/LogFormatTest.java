package io.meetingbridge.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.apache.logging.log4j.core.Layout;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.ConsoleAppender;
import org.apache.logging.log4j.core.config.ConfigurationSource;
import org.apache.logging.log4j.core.config.xml.XmlConfiguration;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.apache.logging.log4j.layout.template.json.JsonTemplateLayout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The shipped log4j2.xml builds the one appender its setting asks for (LOG_FORMAT, the environment's say, is
 * checked on the packaged jar by PackagedJarIT); the root logger writes through it.
 */
class LogFormatTest {

    @ParameterizedTest(name = "-Dlog.format={0}")
    @CsvSource({"plain, plain", "json, json", "'', plain"})
    void theRootLoggerWritesTheFormatAskedFor(String setting, String expected) throws IOException {
        String before = System.getProperty("log.format");
        try {
            if (setting.isEmpty()) {
                System.clearProperty("log.format");
            } else {
                System.setProperty("log.format", setting);
            }
            Layout<?> layout = rootLayout();

            assertThat(layout).isInstanceOf(expected.equals("json") ? JsonTemplateLayout.class : PatternLayout.class);
        } finally {
            if (before == null) {
                System.clearProperty("log.format");
            } else {
                System.setProperty("log.format", before);
            }
        }
    }

    private static Layout<?> rootLayout() throws IOException {
        LoggerContext context = new LoggerContext("log-format-test");
        ConfigurationSource source = ConfigurationSource.fromResource("log4j2.xml", LogFormatTest.class.getClassLoader());
        XmlConfiguration configuration = new XmlConfiguration(context, source);
        configuration.initialize();
        try {
            assertThat(configuration.getAppenders()).containsOnlyKeys("out");
            ConsoleAppender out = (ConsoleAppender) configuration.getRootLogger().getAppenders().get("out");
            return out.getLayout();
        } finally {
            configuration.stop();
        }
    }
}
