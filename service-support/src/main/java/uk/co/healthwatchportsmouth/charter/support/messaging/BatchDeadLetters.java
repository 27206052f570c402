package uk.co.healthwatchportsmouth.charter.support.messaging;

import java.time.Duration;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;

import uk.co.healthwatchportsmouth.charter.contracts.MalformedEventException;
import uk.co.healthwatchportsmouth.charter.contracts.Topics;

/**
 * Dead letters for a binding consumed in batches. The binder's own dead-letter handling
 * parks the whole poll when one record fails; with the error handler made here the
 * listener names the record that failed (a {@code BatchListenerFailedException}), the
 * records before it are committed, it alone is retried (an unreadable one, a
 * {@link MalformedEventException}, is not) and then parked in the binding's dead-letter
 * topic {@link Topics#deadLetter(String, String)}, counted as the binder's are, and the
 * records after it are consumed again. The dead letter keeps the record's key, value and
 * headers and gains Spring Kafka's {@code kafka_dlt-*} headers saying why.
 */
public class BatchDeadLetters implements AutoCloseable {

	private final DefaultKafkaProducerFactory<byte[], byte[]> producers;

	private final KafkaTemplate<byte[], byte[]> template;

	private final MeterRegistry meters;

	public BatchDeadLetters(String bootstrapServers, MeterRegistry meters) {
		this.producers = new DefaultKafkaProducerFactory<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all"),
				new ByteArraySerializer(), new ByteArraySerializer());
		this.template = new KafkaTemplate<>(this.producers);
		this.meters = meters;
	}

	/**
	 * The error handler for a batch binding of this consumer group.
	 * @param attempts how often a failing record is tried in all before it is parked (as
	 * a binding's {@code max-attempts})
	 * @param firstRetryAfter the wait before the first retry, doubling up to
	 * {@code longestWait}
	 */
	public DefaultErrorHandler errorHandler(String group, int attempts, Duration firstRetryAfter,
			Duration longestWait) {
		DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(this.template,
				(record, failure) -> {
					DeadLetterMetrics.count(this.meters, group, record);
					// no partition: the dead-letter topic need not have as many as the
					// topic
					return new TopicPartition(Topics.deadLetter(record.topic(), group), -1);
				});
		ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(Math.max(0, attempts - 1));
		backOff.setInitialInterval(firstRetryAfter.toMillis());
		backOff.setMultiplier(2);
		backOff.setMaxInterval(longestWait.toMillis());
		DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
		handler.addNotRetryableExceptions(MalformedEventException.class);
		return handler;
	}

	@Override
	public void close() {
		this.producers.destroy();
	}

}
