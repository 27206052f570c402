package uk.co.healthwatchportsmouth.charter.support.outbox;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** Binds {@code charter.outbox.*} in services that publish events. */
@AutoConfiguration
@ConditionalOnProperty("charter.outbox.source")
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxConfiguration {

}
