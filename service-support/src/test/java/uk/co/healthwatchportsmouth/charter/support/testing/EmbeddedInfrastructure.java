package uk.co.healthwatchportsmouth.charter.support.testing;

import java.net.InetSocketAddress;

import de.bwaldvogel.mongo.MongoServer;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;

import uk.co.healthwatchportsmouth.charter.embedded.mongo.IdIndexedMemoryBackend;

/**
 * The embedded infrastructure an integration test runs on when there is no Docker: a real
 * Kafka broker (KRaft, in this JVM) and the Mongo wire server. Started once per test JVM
 * and shared by every Spring context in it; each context gets its own database name so
 * tests do not see each other's data.
 */
public final class EmbeddedInfrastructure {

	private static EmbeddedKafkaKraftBroker kafka;

	private static MongoServer mongo;

	private EmbeddedInfrastructure() {
	}

	public static synchronized String kafkaBrokers() {
		if (kafka == null) {
			kafka = new EmbeddedKafkaKraftBroker(1, 2);
			kafka.brokerProperty("auto.create.topics.enable", "true");
			kafka.afterPropertiesSet();
			Runtime.getRuntime().addShutdownHook(new Thread(kafka::destroy));
		}
		return kafka.getBrokersAsString();
	}

	public static synchronized String mongoUri(String database) {
		if (mongo == null) {
			mongo = new MongoServer(new IdIndexedMemoryBackend());
			mongo.bind("127.0.0.1", 0);
			Runtime.getRuntime().addShutdownHook(new Thread(mongo::shutdownNow));
		}
		InetSocketAddress address = mongo.getLocalAddress();
		return "mongodb://127.0.0.1:" + address.getPort() + "/" + database;
	}

	/** Points a Spring context at the embedded broker and wire server. */
	public static void register(DynamicPropertyRegistry registry, String database) {
		registry.add("spring.cloud.stream.kafka.binder.brokers", EmbeddedInfrastructure::kafkaBrokers);
		registry.add("spring.kafka.bootstrap-servers", EmbeddedInfrastructure::kafkaBrokers);
		registry.add("spring.mongodb.uri", () -> mongoUri(database));
		// services under test run as they do locally: HTTP Basic with the local users
		LocalUsers.register(registry);
	}

}
