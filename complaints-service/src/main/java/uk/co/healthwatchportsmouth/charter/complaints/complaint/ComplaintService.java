package uk.co.healthwatchportsmouth.charter.complaints.complaint;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

import uk.co.healthwatchportsmouth.charter.contracts.CharterEvent;
import uk.co.healthwatchportsmouth.charter.contracts.ContactEscalatedToComplaint;
import uk.co.healthwatchportsmouth.charter.contracts.EventIds;
import uk.co.healthwatchportsmouth.charter.support.problem.InvalidFieldException;
import uk.co.healthwatchportsmouth.charter.support.problem.NotFoundException;

/**
 * Receives complaints and takes them through the procedure, one stored version at a time.
 * Logs name complaints by id and state only: the complainant's details, the summary and
 * every other free text are personal data.
 */
@Service
public class ComplaintService {

	/** Recorded as the actor when a request names no member of staff. */
	static final String UNIDENTIFIED = "unidentified";

	/** Recorded as the actor of complaints escalated from a contact by nobody named. */
	static final String INTAKE = "intake";

	private static final Logger log = LoggerFactory.getLogger(ComplaintService.class);

	/** How often a change without If-Match is re-applied after losing a race. */
	private static final int ATTEMPTS = 5;

	private final MongoComplaints complaints;

	private final MongoDeadlines deadlines;

	private final ComplaintsProperties properties;

	private final Clock clock;

	private final MeterRegistry meters;

	ComplaintService(MongoComplaints complaints, MongoDeadlines deadlines, ComplaintsProperties properties, Clock clock,
			MeterRegistry meters) {
		this.complaints = complaints;
		this.deadlines = deadlines;
		this.properties = properties;
		this.clock = clock;
		this.meters = meters;
	}

	private void countReceived(ComplaintKind kind) {
		this.meters.counter("charter.complaints.received", "kind", kind.name()).increment();
	}

	/** A complaint with its deadlines as sla-service reported them. */
	public record Detailed(StoredComplaint stored, List<Deadline> deadlines) {
	}

	/**
	 * A created complaint, and whether an earlier request with the same key created it.
	 */
	record Created(Detailed complaint, boolean replayed) {
	}

	/**
	 * Receives a complaint, once per idempotency key.
	 * @throws InvalidFieldException (422) when the key was used for a different request
	 */
	Created create(Complaint.Intake intake, String idempotencyKey, String requestFingerprint, String staffId) {
		String id = (idempotencyKey != null) ? EventIds.of("idempotency-key", idempotencyKey)
				: UUID.randomUUID().toString();
		String handler = (intake.handlerId() != null) ? intake.handlerId()
				: (staffId != null) ? staffId : this.properties.defaultHandlerId();
		Complaint.Received received = Complaint.receive(
				new Complaint.Intake(id, intake.kind(), intake.channel(), intake.receivedAt(), handler,
						intake.originContactId(), null, intake.customerType(), intake.complainant(), intake.summary()),
				now());
		if (!this.complaints.insert(received.complaint(), List.of(received.event()), requestFingerprint,
				new HistoryEntry(now(), actor(staffId), "RECEIVED", null, ComplaintState.RECEIVED))) {
			String stored = this.complaints.requestFingerprint(id).orElse(null);
			if (stored != null && !stored.equals(requestFingerprint)) {
				throw new InvalidFieldException(org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT,
						"Idempotency-Key", "was already used for a different complaint");
			}
			log.info("Complaint {} already received under its idempotency key; answering the stored one", id);
			return new Created(find(id), true);
		}
		log.info("Complaint {} received ({}, via {}), handled by {}", id, intake.kind(), intake.channel(), handler);
		countReceived(intake.kind());
		return new Created(new Detailed(new StoredComplaint(received.complaint(), 0), List.of()), false);
	}

	/**
	 * Takes over a contact escalated to a complaint. Its id derives from the contact, so
	 * a redelivered event creates nothing new.
	 * @return whether a complaint was created
	 */
	public boolean createFromContact(ContactEscalatedToComplaint escalated) {
		String id = EventIds.of("complaint", escalated.contactId());
		Channel channel = enumOrNull(Channel.class, escalated.channel());
		String handler = (escalated.escalatedBy() != null && !escalated.escalatedBy().isBlank())
				? escalated.escalatedBy() : this.properties.defaultHandlerId();
		Complaint.Received received = Complaint.receive(
				new Complaint.Intake(id, ComplaintKind.ABOUT_US, (channel != null) ? channel : Channel.EMAIL,
						escalated.escalatedAt(), handler, escalated.contactId(), escalated.customerId(),
						enumOrNull(CustomerType.class, escalated.customerType()), null, null),
				later(escalated.escalatedAt(), now()));
		String actor = (escalated.escalatedBy() != null) ? escalated.escalatedBy() : INTAKE;
		boolean created = this.complaints.insert(received.complaint(), List.of(received.event()), null,
				new HistoryEntry(now(), actor, "ESCALATED_FROM_CONTACT", null, ComplaintState.RECEIVED));
		if (created) {
			log.info("Complaint {} received from contact {}, handled by {}", id, escalated.contactId(), handler);
			countReceived(ComplaintKind.ABOUT_US);
		}
		else {
			log.debug("Complaint {} from contact {} already exists", id, escalated.contactId());
		}
		return created;
	}

	public Instant now() {
		return this.clock.instant();
	}

	public ComplaintsProperties properties() {
		return this.properties;
	}

	public Detailed find(String id) {
		StoredComplaint stored = this.complaints.find(id)
			.orElseThrow(() -> new NotFoundException("No complaint with id " + id));
		return new Detailed(stored, Deadline.of(stored.complaint(), this.deadlines.ofComplaint(id)));
	}

	ComplaintPage search(ComplaintState state, ComplaintKind kind, String handlerId, int page, int size) {
		return this.complaints.search(state, kind, handlerId, page, size);
	}

	public List<HistoryEntry> history(String id) {
		find(id);
		return this.complaints.history(id);
	}

	/** Complaints received in [from, to) with their deadlines, for reports. */
	public List<Detailed> receivedBetween(Instant from, Instant to) {
		List<Complaint> found = this.complaints.receivedBetween(from, to);
		Map<String, List<ClockDeadline>> clocks = this.deadlines
			.ofComplaints(found.stream().map(Complaint::id).toList())
			.stream()
			.collect(Collectors.groupingBy(ClockDeadline::complaintId));
		return found.stream()
			.map((complaint) -> new Detailed(new StoredComplaint(complaint, -1),
					Deadline.of(complaint, clocks.getOrDefault(complaint.id(), List.of()))))
			.toList();
	}

	/** Projects one of sla-service's complaint clock events. */
	public boolean applyClockEvent(CharterEvent event, String clockId) {
		return this.deadlines.apply(event, clockId);
	}

	/**
	 * The date (Europe/London) the awaited response is due, as sla-service last said, or
	 * {@code null} when not known yet.
	 */
	LocalDate currentDueDate(Detailed complaint) {
		Complaint c = complaint.stored().complaint();
		String stage = (c.state() == ComplaintState.ESCALATED && !c.escalations().isEmpty())
				? c.escalations().get(c.escalations().size() - 1).stage() : null;
		String standard = (stage != null) ? Deadline.ESCALATION : "COMPLAINT_RESPONSE";
		return complaint.deadlines()
			.stream()
			.filter((deadline) -> standard.equals(deadline.standard()) && deadline.dueAt() != null
					&& (stage == null || stage.equals(deadline.stage())))
			.map((deadline) -> LocalDate.ofInstant(deadline.dueAt(), Complaint.LONDON))
			.max(LocalDate::compareTo)
			.orElse(null);
	}

	/**
	 * Applies one step and stores it with its events and a history entry.
	 * @param expectedVersion the version the client changed (If-Match), or {@code null}
	 * to change whatever is current
	 * @throws StaleComplaintException when {@code expectedVersion} is not current
	 */
	Detailed change(String id, Long expectedVersion, String staffId, String action,
			Function<Detailed, List<CharterEvent>> step) {
		for (int attempt = 1;; attempt++) {
			Detailed current = find(id);
			long version = current.stored().version();
			if (expectedVersion != null && expectedVersion != version) {
				throw new StaleComplaintException(id, expectedVersion, version);
			}
			Complaint complaint = current.stored().complaint();
			ComplaintState before = complaint.state();
			List<CharterEvent> events = step.apply(current);
			HistoryEntry entry = new HistoryEntry(now(), actor(staffId), action, before, complaint.state());
			if (this.complaints.saveChange(complaint, version, events, entry)) {
				log.info("Complaint {} {}: {} -> {}", id, action, before, complaint.state());
				this.meters.counter("charter.complaints.transitions", "action", action).increment();
				return new Detailed(new StoredComplaint(complaint, version + 1), current.deadlines());
			}
			if (expectedVersion != null) {
				throw new StaleComplaintException(id, expectedVersion, expectedVersion + 1);
			}
			if (attempt == ATTEMPTS) {
				throw new IllegalStateException("Complaint " + id + " kept changing; gave up after " + attempt);
			}
		}
	}

	static String actor(String staffId) {
		return (staffId != null) ? staffId : UNIDENTIFIED;
	}

	private static Instant later(Instant one, Instant other) {
		return one.isAfter(other) ? one : other;
	}

	private static <E extends Enum<E>> E enumOrNull(Class<E> type, String name) {
		if (name == null) {
			return null;
		}
		try {
			return Enum.valueOf(type, name);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
