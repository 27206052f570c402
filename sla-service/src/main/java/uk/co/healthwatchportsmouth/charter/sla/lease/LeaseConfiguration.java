package uk.co.healthwatchportsmouth.charter.sla.lease;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Shard leases and handoffs. Both use the wall clock, not the service's {@link Clock}
 * bean: leases must expire in real time even when business time is virtual.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ShardingProperties.class)
class LeaseConfiguration {

	@Bean
	TimerShards timerShards(ShardingProperties properties) {
		return new TimerShards(properties.shards());
	}

	@Bean
	ShardLeases shardLeases(MongoTemplate mongo, TimerShards shards, ShardingProperties properties,
			MeterRegistry meters) {
		return new ShardLeases(mongo, shards, properties, Clock.systemUTC(), meters);
	}

	@Bean
	TimerHandoff timerHandoff(MongoTemplate mongo) {
		return new TimerHandoff(mongo, Clock.systemUTC());
	}

}
