package uk.co.healthwatchportsmouth.charter.support.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * A {@code kafka} health indicator: the brokers answer {@code describeCluster} within a
 * short timeout. The answer is kept for a few seconds so that frequent probes
 * (Kubernetes, Prometheus, a load balancer) do not each open a round trip to the brokers.
 */
@AutoConfiguration
@ConditionalOnClass({ AdminClient.class, HealthIndicator.class })
public class KafkaHealthConfiguration {

	@Bean(name = "kafkaHealthIndicator")
	@ConditionalOnMissingBean(name = "kafkaHealthIndicator")
	KafkaHealthIndicator kafkaHealthIndicator(
			@Value("${spring.cloud.stream.kafka.binder.brokers:${spring.kafka.bootstrap-servers:localhost:9092}}") String brokers,
			@Value("${charter.health.kafka.timeout:PT2S}") Duration timeout,
			@Value("${charter.health.kafka.cache-for:PT5S}") Duration cacheFor) {
		return new KafkaHealthIndicator(brokers, timeout, cacheFor);
	}

	/**
	 * Checks that the Kafka cluster answers; see the class comment of the configuration.
	 */
	public static final class KafkaHealthIndicator implements HealthIndicator, DisposableBean {

		private final AdminClient admin;

		private final Duration timeout;

		private final Duration cacheFor;

		private final Clock clock = Clock.systemUTC();

		private volatile Health last;

		private volatile Instant checkedAt = Instant.MIN;

		KafkaHealthIndicator(String brokers, Duration timeout, Duration cacheFor) {
			int millis = (int) timeout.toMillis();
			this.admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
					AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis,
					AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis, AdminClientConfig.CLIENT_ID_CONFIG,
					"charter-health-" + Long.toHexString(System.nanoTime())));
			this.timeout = timeout;
			this.cacheFor = cacheFor;
		}

		@Override
		public Health health() {
			Instant now = this.clock.instant();
			Health cached = this.last;
			if (cached != null && now.isBefore(this.checkedAt.plus(this.cacheFor))) {
				return cached;
			}
			Health fresh = check();
			this.last = fresh;
			this.checkedAt = now;
			return fresh;
		}

		private Health check() {
			try {
				DescribeClusterResult cluster = this.admin
					.describeCluster(new DescribeClusterOptions().timeoutMs((int) this.timeout.toMillis()));
				long millis = this.timeout.toMillis();
				String clusterId = cluster.clusterId().get(millis, TimeUnit.MILLISECONDS);
				int nodes = cluster.nodes().get(millis, TimeUnit.MILLISECONDS).size();
				return Health.up().withDetail("clusterId", clusterId).withDetail("nodes", nodes).build();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return Health.down(ex).build();
			}
			catch (Exception ex) {
				return Health.down()
					.withDetail("error", ex.getClass().getSimpleName() + ": " + ex.getMessage())
					.build();
			}
		}

		@Override
		public void destroy() {
			this.admin.close(Duration.ofSeconds(1));
		}

	}

}
