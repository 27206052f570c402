package uk.co.healthwatchportsmouth.charter.contracts;

/**
 * Kafka record headers, following the CloudEvents Kafka protocol binding (binary mode):
 * the payload is the event record as JSON and these headers carry its identity.
 */
public final class EventHeaders {

	public static final String ID = "ce_id";

	public static final String TYPE = "ce_type";

	public static final String SOURCE = "ce_source";

	public static final String TIME = "ce_time";

	public static final String SPEC_VERSION = "ce_specversion";

	public static final String CONTENT_TYPE = "content-type";

	private EventHeaders() {
	}

}
