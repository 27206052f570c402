package uk.co.healthwatchportsmouth.charter.support.health;

import java.net.ServerSocket;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import uk.co.healthwatchportsmouth.charter.support.health.KafkaHealthConfiguration.KafkaHealthIndicator;
import uk.co.healthwatchportsmouth.charter.support.testing.EmbeddedInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaHealthIndicatorTest {

	@Test
	void isUpWhileTheBrokersAnswer() throws Exception {
		KafkaHealthIndicator kafka = new KafkaHealthIndicator(EmbeddedInfrastructure.kafkaBrokers(),
				Duration.ofSeconds(5), Duration.ofSeconds(5));
		try {
			Health health = kafka.health();
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("nodes", 1).containsKey("clusterId");
		}
		finally {
			kafka.destroy();
		}
	}

	@Test
	void isDownWithinTheTimeoutWhenNoBrokerAnswersAndKeepsItsAnswerBriefly() throws Exception {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		KafkaHealthIndicator kafka = new KafkaHealthIndicator("127.0.0.1:" + closedPort, Duration.ofMillis(500),
				Duration.ofMinutes(1));
		try {
			long started = System.nanoTime();
			Health health = kafka.health();
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
			assertThat(kafka.health()).as("cached, not asked again").isSameAs(health);
		}
		finally {
			kafka.destroy();
		}
	}

}
