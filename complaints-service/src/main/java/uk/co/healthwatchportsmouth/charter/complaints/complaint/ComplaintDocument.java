package uk.co.healthwatchportsmouth.charter.complaints.complaint;

import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import uk.co.healthwatchportsmouth.charter.support.outbox.EventOutbox;
import uk.co.healthwatchportsmouth.charter.support.outbox.PendingEvent;

/**
 * A complaint as stored in the {@code complaints} collection. Its {@code outbox} holds
 * the events of the latest changes until Kafka has them and its {@code history} who did
 * what, both written in the same document update as the change itself. A complaint
 * created with an {@code Idempotency-Key} has an {@code _id} derived from the key;
 * {@code requestFingerprint} tells a retry from a different request reusing it.
 */
@Document(ComplaintDocument.COLLECTION)
record ComplaintDocument(@Id String id, long version, Complaint complaint, String requestFingerprint,
		List<PendingEvent> outbox, List<HistoryEntry> history) {

	static final String COLLECTION = "complaints";

	static final String VERSION = "version";

	static final String COMPLAINT = "complaint";

	static final String STATE = "complaint.state";

	static final String KIND = "complaint.kind";

	static final String HANDLER = "complaint.handlerId";

	static final String RECEIVED_AT = "complaint.receivedAt";

	static final String FINGERPRINT = "requestFingerprint";

	static final String OUTBOX = EventOutbox.FIELD;

	static final String HISTORY = "history";

}
