package uk.co.healthwatchportsmouth.charter.contracts;

/** Kafka topic names. Every topic is keyed by the id of the item its events are about. */
public final class Topics {

	/** Contact lifecycle events, published by intake-service. */
	public static final String CONTACTS = "charter.contact-events";

	/** Clock lifecycle events, published by sla-service. */
	public static final String SLA = "charter.sla-events";

	/**
	 * Complaints procedure events, published by complaints-service, keyed by complaint
	 * id.
	 */
	public static final String COMPLAINTS = "charter.complaint-events";

	private Topics() {
	}

	/** Where a consumer group parks records it cannot process. */
	public static String deadLetter(String topic, String consumerGroup) {
		return topic + ".dlq." + consumerGroup;
	}

}
