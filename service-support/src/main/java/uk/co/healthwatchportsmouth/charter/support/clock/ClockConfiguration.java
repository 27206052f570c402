package uk.co.healthwatchportsmouth.charter.support.clock;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Every service takes its time from one injected {@link Clock}: the system clock in
 * production, or the local stack's shared virtual clock when
 * {@code charter.clock.mode=virtual}.
 */
@AutoConfiguration
@EnableConfigurationProperties(ClockProperties.class)
public class ClockConfiguration {

	@Bean(destroyMethod = "close")
	@ConditionalOnProperty(name = "charter.clock.mode", havingValue = "virtual")
	SharedVirtualClock sharedVirtualClock(ClockProperties properties, Environment environment) {
		String brokers = environment.getProperty("spring.cloud.stream.kafka.binder.brokers",
				environment.getProperty("spring.kafka.bootstrap-servers", "localhost:9092"));
		return new SharedVirtualClock(VirtualClock.startingNow(), brokers, properties.syncTopic());
	}

	@Bean
	@ConditionalOnMissingBean
	Clock clock(ObjectProvider<SharedVirtualClock> shared) {
		SharedVirtualClock virtual = shared.getIfAvailable();
		return (virtual != null) ? virtual.clock() : Clock.systemUTC();
	}

}
