package uk.co.healthwatchportsmouth.charter.localstack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Copies the records of a dead-letter topic back to a topic (usually the one they came
 * from) once their cause is fixed, keeping each record's key and event headers and
 * dropping the headers the binder added to explain the failure. Progress is committed
 * under the consumer group {@code dlq-replay.<dead-letter topic>}, so running it twice
 * replays each record once.
 *
 * <pre>
 * java -cp "$(cat local-stack/target/runtime.classpath):local-stack/target/local-stack.jar" \
 *   uk.co.healthwatchportsmouth.charter.localstack.ReplayDeadLetters \
 *   127.0.0.1:9092 charter.contact-events.dlq.sla-service charter.contact-events
 * </pre>
 */
public final class ReplayDeadLetters {

	/**
	 * Headers the Kafka binder adds to a dead letter: they describe the failure, not the
	 * event.
	 */
	private static final List<String> FAILURE_HEADER_PREFIXES = List.of("x-exception", "x-original", "kafka_dlt");

	private ReplayDeadLetters() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length != 3) {
			System.err.println("usage: ReplayDeadLetters <bootstrap-servers> <dead-letter-topic> <target-topic>");
			System.exit(2);
		}
		int replayed = replay(args[0], args[1], args[2], Duration.ofSeconds(5));
		System.out.println("Replayed " + replayed + " record(s) from " + args[1] + " to " + args[2]);
	}

	/**
	 * Replays every record not yet replayed; returns how many. Stops once the topic is
	 * quiet for {@code idle}.
	 */
	public static int replay(String bootstrap, String deadLetterTopic, String targetTopic, Duration idle)
			throws Exception {
		Map<String, Object> consumerConfig = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
				ConsumerConfig.GROUP_ID_CONFIG, "dlq-replay." + deadLetterTopic,
				ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		Map<String, Object> producerConfig = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
				ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		int replayed = 0;
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig, new ByteArrayDeserializer(),
				new ByteArrayDeserializer());
				KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig, new ByteArraySerializer(),
						new ByteArraySerializer())) {
			consumer.subscribe(List.of(deadLetterTopic));
			long quietSince = System.nanoTime();
			while (System.nanoTime() - quietSince < idle.toNanos()) {
				ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(500));
				if (records.isEmpty()) {
					continue;
				}
				List<java.util.concurrent.Future<?>> sends = new ArrayList<>();
				for (ConsumerRecord<byte[], byte[]> record : records) {
					sends.add(producer.send(new ProducerRecord<>(targetTopic, null, record.key(), record.value(),
							eventHeaders(record))));
				}
				for (java.util.concurrent.Future<?> send : sends) {
					send.get(30, TimeUnit.SECONDS);
				}
				consumer.commitSync();
				replayed += records.count();
				quietSince = System.nanoTime();
			}
		}
		return replayed;
	}

	private static RecordHeaders eventHeaders(ConsumerRecord<byte[], byte[]> record) {
		RecordHeaders headers = new RecordHeaders();
		for (Header header : record.headers()) {
			String name = header.key().toLowerCase(java.util.Locale.ROOT);
			if (FAILURE_HEADER_PREFIXES.stream().noneMatch(name::startsWith)) {
				headers.add(header);
			}
		}
		return headers;
	}

}
