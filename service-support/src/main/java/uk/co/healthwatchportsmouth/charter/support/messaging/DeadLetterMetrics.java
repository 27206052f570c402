package uk.co.healthwatchportsmouth.charter.support.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.cloud.stream.binder.kafka.utils.DlqPartitionFunction;
import org.springframework.context.annotation.Bean;

import uk.co.healthwatchportsmouth.charter.contracts.Topics;

/**
 * Counts records parked in a dead-letter topic ({@code charter.dead.letters}, tagged with
 * the dead-letter topic). The Kafka binder asks its {@link DlqPartitionFunction} for a
 * partition once for every record it sends to a dead-letter topic, which makes it the one
 * hook that sees every parked record; the partition chosen is the binder's own default
 * (the record's original partition). Every binding names its dead-letter topic
 * {@link Topics#deadLetter(String, String)}.
 */
@AutoConfiguration
@ConditionalOnClass(DlqPartitionFunction.class)
public class DeadLetterMetrics {

	public static final String METER = "charter.dead.letters";

	@Bean
	@ConditionalOnMissingBean
	DlqPartitionFunction countingDlqPartitionFunction(MeterRegistry meters) {
		return (group, record, failure) -> {
			count(meters, group, record);
			return DlqPartitionFunction.ORIGINAL_PARTITION.apply(group, record, failure);
		};
	}

	/** Counts one record parked in the dead-letter topic of the topic and group. */
	public static void count(MeterRegistry meters, String group, ConsumerRecord<?, ?> record) {
		meters.counter(METER, "topic", Topics.deadLetter(record.topic(), group)).increment();
	}

}
