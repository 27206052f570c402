package uk.co.healthwatchportsmouth.charter.contracts;

/** Kafka topic names. Every topic is keyed by contact id. */
public final class Topics {

	/** Contact lifecycle events, published by intake-service. */
	public static final String CONTACTS = "charter.contact-events";

	/** Clock lifecycle events, published by sla-service. */
	public static final String SLA = "charter.sla-events";

	private Topics() {
	}

	/** Where a consumer group parks records it cannot process. */
	public static String deadLetter(String topic, String consumerGroup) {
		return topic + ".dlq." + consumerGroup;
	}

}
