package uk.co.healthwatchportsmouth.charter.support.testing;

import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Real Kafka and real MongoDB in containers, for the same scenarios where Docker exists.
 * Test classes that use it carry {@code @Testcontainers(disabledWithoutDocker = true)} so
 * they are reported as skipped elsewhere.
 */
public final class ContainerInfrastructure {

	private static KafkaContainer kafka;

	private static MongoDBContainer mongo;

	private ContainerInfrastructure() {
	}

	private static synchronized void start() {
		if (kafka == null) {
			kafka = new KafkaContainer("apache/kafka-native:4.1.1");
			mongo = new MongoDBContainer("mongo:8.0");
			kafka.start();
			mongo.start();
		}
	}

	public static void register(DynamicPropertyRegistry registry, String database) {
		start();
		registry.add("spring.cloud.stream.kafka.binder.brokers", kafka::getBootstrapServers);
		registry.add("spring.kafka.bootstrap-servers", kafka::getBootstrapServers);
		registry.add("spring.mongodb.uri", () -> mongo.getReplicaSetUrl(database));
		// services under test run as they do locally: HTTP Basic with the local users
		LocalUsers.register(registry);
	}

}
