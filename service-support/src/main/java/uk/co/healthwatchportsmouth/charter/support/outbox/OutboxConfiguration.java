package uk.co.healthwatchportsmouth.charter.support.outbox;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.stream.config.ProducerMessageHandlerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.integration.kafka.outbound.KafkaProducerMessageHandler;

/**
 * Binds {@code charter.outbox.*} in services that publish events, and lets the relay
 * learn when the broker has acknowledged each send (see {@link OutputBindings}).
 */
@AutoConfiguration
@ConditionalOnProperty("charter.outbox.source")
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxConfiguration {

	@Bean
	ProducerMessageHandlerCustomizer<KafkaProducerMessageHandler<?, ?>> outboxSendResults() {
		return (handler, destination) -> handler.setFuturesChannel(OutputBindings.sendResults());
	}

}
