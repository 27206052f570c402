package uk.co.healthwatchportsmouth.charter.support.messaging;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Consumer settings every service shares, as defaults that any configuration overrides. A
 * service killed with {@code kill -9} leaves its group member behind until the session
 * times out, and nothing is consumed by the restarted service until then: Kafka's default
 * of 45 s would hold up every new contact for that long, so the session timeout is 10 s.
 */
public class KafkaConsumerDefaults implements EnvironmentPostProcessor {

	private static final String PREFIX = "spring.cloud.stream.kafka.binder.consumer-properties.";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		environment.getPropertySources()
			.addLast(new MapPropertySource("charterKafkaConsumerDefaults",
					Map.of(PREFIX + "session.timeout.ms", "10000", PREFIX + "heartbeat.interval.ms", "3000")));
	}

}
