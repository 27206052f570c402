package uk.co.healthwatchportsmouth.charter.complaints.complaint;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import uk.co.healthwatchportsmouth.charter.contracts.CharterEvent;
import uk.co.healthwatchportsmouth.charter.contracts.ComplaintAcknowledged;
import uk.co.healthwatchportsmouth.charter.contracts.ComplaintClosed;
import uk.co.healthwatchportsmouth.charter.contracts.ComplaintEscalated;
import uk.co.healthwatchportsmouth.charter.contracts.ComplaintEscalationResponded;
import uk.co.healthwatchportsmouth.charter.contracts.ComplaintExtensionAgreed;
import uk.co.healthwatchportsmouth.charter.contracts.ComplaintInvestigationStarted;
import uk.co.healthwatchportsmouth.charter.contracts.ComplaintReassigned;
import uk.co.healthwatchportsmouth.charter.contracts.ComplaintReceived;
import uk.co.healthwatchportsmouth.charter.contracts.ComplaintResponded;
import uk.co.healthwatchportsmouth.charter.contracts.ComplaintSignposted;
import uk.co.healthwatchportsmouth.charter.contracts.ComplaintWithdrawn;
import uk.co.healthwatchportsmouth.charter.contracts.EventIds;

/**
 * One complaint and the procedure it follows. Complaints about us are acknowledged,
 * investigated, answered with an outcome and closed, and may be escalated stage by stage;
 * complaints about a provider are signposted. Every step checks the state, changes the
 * complaint and returns the events it causes, with ids derived from the fact so that a
 * repeated publication is recognisable. Events carry ids and facts only: the complainant,
 * summary, actions, lessons and reasons stay here.
 */
public final class Complaint {

	/** The calendar in which dates promised to complainants are meant. */
	public static final ZoneId LONDON = ZoneId.of("Europe/London");

	private static final Set<ComplaintState> OPEN = EnumSet.of(ComplaintState.RECEIVED, ComplaintState.ACKNOWLEDGED,
			ComplaintState.INVESTIGATING, ComplaintState.RESPONDED, ComplaintState.ESCALATED);

	private final String complaintId;

	private ComplaintKind kind;

	private ComplaintState state;

	private final Channel channel;

	private final Instant receivedAt;

	private String handlerId;

	private final String originContactId;

	private final String customerId;

	private final CustomerType customerType;

	private final Complainant complainant;

	private final String summary;

	private Instant acknowledgedAt;

	private Integer responseWorkingDays;

	private Instant investigationStartedAt;

	private Instant respondedAt;

	private Outcome outcome;

	private Boolean apologyGiven;

	private Instant apologyGivenAt;

	private String actions;

	private String lessonsLearned;

	private List<Extension> extensions;

	private List<Escalation> escalations;

	private Signposting signposting;

	private Instant closedAt;

	private Instant withdrawnAt;

	Complaint(String complaintId, ComplaintKind kind, ComplaintState state, Channel channel, Instant receivedAt,
			String handlerId, String originContactId, String customerId, CustomerType customerType,
			Complainant complainant, String summary, Instant acknowledgedAt, Integer responseWorkingDays,
			Instant investigationStartedAt, Instant respondedAt, Outcome outcome, Boolean apologyGiven,
			Instant apologyGivenAt, String actions, String lessonsLearned, List<Extension> extensions,
			List<Escalation> escalations, Signposting signposting, Instant closedAt, Instant withdrawnAt) {
		this.complaintId = complaintId;
		this.kind = kind;
		this.state = state;
		this.channel = channel;
		this.receivedAt = receivedAt;
		this.handlerId = handlerId;
		this.originContactId = originContactId;
		this.customerId = customerId;
		this.customerType = customerType;
		this.complainant = complainant;
		this.summary = summary;
		this.acknowledgedAt = acknowledgedAt;
		this.responseWorkingDays = responseWorkingDays;
		this.investigationStartedAt = investigationStartedAt;
		this.respondedAt = respondedAt;
		this.outcome = outcome;
		this.apologyGiven = apologyGiven;
		this.apologyGivenAt = apologyGivenAt;
		this.actions = actions;
		this.lessonsLearned = lessonsLearned;
		this.extensions = (extensions != null) ? new ArrayList<>(extensions) : new ArrayList<>();
		this.escalations = (escalations != null) ? new ArrayList<>(escalations) : new ArrayList<>();
		this.signposting = signposting;
		this.closedAt = closedAt;
		this.withdrawnAt = withdrawnAt;
	}

	/** A new complaint and the event announcing it. */
	public record Received(Complaint complaint, ComplaintReceived event) {
	}

	/** What a new complaint is made of; personal data only in complainant and summary. */
	public record Intake(String id, ComplaintKind kind, Channel channel, Instant receivedAt, String handlerId,
			String originContactId, String customerId, CustomerType customerType, Complainant complainant,
			String summary) {
	}

	/**
	 * Receives a complaint.
	 * @param intake its facts; a {@code null} receivedAt means now
	 */
	public static Received receive(Intake intake, Instant now) {
		Instant receivedAt = (intake.receivedAt() != null) ? intake.receivedAt() : now;
		if (receivedAt.isAfter(now)) {
			throw new InvalidComplaintException("receivedAt", "must not be in the future");
		}
		CustomerType type = (intake.customerType() != null) ? intake.customerType()
				: (intake.complainant() != null) ? intake.complainant().customerType() : null;
		Complaint complaint = new Complaint(intake.id(), intake.kind(), ComplaintState.RECEIVED, intake.channel(),
				receivedAt, intake.handlerId(), intake.originContactId(), intake.customerId(), type,
				intake.complainant(), intake.summary(), null, null, null, null, null, null, null, null, null, null,
				null, null, null, null);
		ComplaintReceived event = new ComplaintReceived(EventIds.of(intake.id(), "received"), now, intake.id(),
				intake.kind().name(), intake.channel().name(), receivedAt, intake.handlerId(), intake.originContactId(),
				intake.customerId(), (type != null) ? type.name() : null,
				(intake.complainant() != null) ? intake.complainant().needsSummary() : null);
		return new Received(complaint, event);
	}

	/**
	 * Staff correct the kind of a complaint nobody has acted on yet. Publishes nothing.
	 */
	public List<CharterEvent> classify(ComplaintKind newKind) {
		require("classify", this.state == ComplaintState.RECEIVED, "only a RECEIVED complaint can be reclassified");
		this.kind = newKind;
		return List.of();
	}

	/**
	 * The complainant was told we received the complaint about us; the response becomes
	 * due {@code responseWorkingDays} working days later.
	 */
	public List<CharterEvent> acknowledge(Instant at, int workingDays, Instant now) {
		require("acknowledge", this.state == ComplaintState.RECEIVED, "it is not awaiting acknowledgement");
		require("acknowledge", this.kind == ComplaintKind.ABOUT_US,
				"a complaint about a provider is signposted, not acknowledged");
		Instant when = pastOrNow("acknowledgedAt", at, this.receivedAt, now);
		this.acknowledgedAt = when;
		this.responseWorkingDays = workingDays;
		this.state = ComplaintState.ACKNOWLEDGED;
		return List.of(new ComplaintAcknowledged(EventIds.of(this.complaintId, "acknowledged"), now, this.complaintId,
				this.handlerId, when, workingDays));
	}

	public List<CharterEvent> startInvestigation(Instant at, Instant now) {
		require("start an investigation", this.state == ComplaintState.ACKNOWLEDGED,
				"only an ACKNOWLEDGED complaint can be investigated");
		Instant when = pastOrNow("startedAt", at, this.acknowledgedAt, now);
		this.investigationStartedAt = when;
		this.state = ComplaintState.INVESTIGATING;
		return List.of(new ComplaintInvestigationStarted(EventIds.of(this.complaintId, "investigation-started"), now,
				this.complaintId, this.handlerId, when));
	}

	/**
	 * The complainant agreed to a later response date: the first response's while the
	 * complaint is acknowledged or investigated, the current stage's while escalated.
	 * @param currentDueDate the date the response is due now, as far as known (from
	 * sla-service), or {@code null}
	 */
	public List<CharterEvent> agreeExtension(LocalDate newResponseDate, String reason, LocalDate currentDueDate,
			Instant now) {
		require("agree an extension", this.state == ComplaintState.ACKNOWLEDGED
				|| this.state == ComplaintState.INVESTIGATING || this.state == ComplaintState.ESCALATED,
				"no response is awaited");
		LocalDate today = LocalDate.ofInstant(now, LONDON);
		if (!newResponseDate.isAfter(today)) {
			throw new InvalidComplaintException("newResponseDate", "must be after today (" + today + ")");
		}
		String stage = (this.state == ComplaintState.ESCALATED) ? currentEscalation().stage() : null;
		LocalDate due = latestExtensionDate(stage);
		if (due == null || (currentDueDate != null && currentDueDate.isAfter(due))) {
			due = currentDueDate;
		}
		if (due != null && !newResponseDate.isAfter(due)) {
			throw new InvalidComplaintException("newResponseDate", "must be after the current due date (" + due + ")");
		}
		this.extensions.add(new Extension(now, newResponseDate, stage, reason));
		String number = Integer.toString(this.extensions.size());
		return List.of(new ComplaintExtensionAgreed(EventIds.of(this.complaintId, "extension-agreed", number), now,
				this.complaintId, this.handlerId, now, newResponseDate, stage));
	}

	public List<CharterEvent> respond(Outcome result, boolean apology, Instant apologyAt, Instant at, Instant now) {
		require("respond", this.state == ComplaintState.ACKNOWLEDGED || this.state == ComplaintState.INVESTIGATING,
				"only an ACKNOWLEDGED or INVESTIGATING complaint awaits its response");
		Instant when = pastOrNow("respondedAt", at, this.acknowledgedAt, now);
		Instant apologised = null;
		if (apology) {
			apologised = pastOrNow("apologyGivenAt", (apologyAt != null) ? apologyAt : when, this.receivedAt, now);
		}
		else if (apologyAt != null) {
			throw new InvalidComplaintException("apologyGivenAt", "must be empty when no apology was given");
		}
		this.respondedAt = when;
		this.outcome = result;
		this.apologyGiven = apology;
		this.apologyGivenAt = apologised;
		this.state = ComplaintState.RESPONDED;
		return List.of(new ComplaintResponded(EventIds.of(this.complaintId, "responded"), now, this.complaintId,
				this.handlerId, when, result.name(), apology, apologised));
	}

	/** Actions taken and lessons learned; kept here, never published. */
	public List<CharterEvent> recordLessons(String newActions, String newLessons) {
		require("record lessons",
				this.state == ComplaintState.RESPONDED || this.state == ComplaintState.ESCALATED
						|| this.state == ComplaintState.CLOSED,
				"lessons are recorded once the complaint was responded to");
		if (newActions != null) {
			this.actions = newActions;
		}
		if (newLessons != null) {
			this.lessonsLearned = newLessons;
		}
		return List.of();
	}

	/**
	 * The complainant is not satisfied: the complaint goes to the next configured stage,
	 * with its own deadline.
	 */
	public List<CharterEvent> escalate(List<EscalationStage> stages, String reason, Instant now) {
		require("escalate", this.state == ComplaintState.RESPONDED || this.state == ComplaintState.CLOSED,
				"only a RESPONDED or CLOSED complaint can be escalated");
		int next = this.escalations.size();
		require("escalate", next < stages.size(), "no escalation stage is left");
		EscalationStage stage = stages.get(next);
		int stageNumber = next + 1;
		this.escalations.add(new Escalation(stage.code(), stageNumber, now, reason, null, null));
		this.closedAt = null;
		this.state = ComplaintState.ESCALATED;
		return List.of(new ComplaintEscalated(EventIds.of(this.complaintId, "escalated", stage.code()), now,
				this.complaintId, this.handlerId, now, stage.code(), stageNumber, stage.workingDays()));
	}

	public List<CharterEvent> respondToEscalation(Outcome result, Instant at, Instant now) {
		require("respond to the escalation", this.state == ComplaintState.ESCALATED, "it is not escalated");
		Escalation current = currentEscalation();
		Instant when = pastOrNow("respondedAt", at, current.escalatedAt(), now);
		this.escalations.set(this.escalations.size() - 1, current.responded(when, result));
		this.state = ComplaintState.RESPONDED;
		return List
			.of(new ComplaintEscalationResponded(EventIds.of(this.complaintId, "escalation-responded", current.stage()),
					now, this.complaintId, this.handlerId, current.stage(), when, result.name()));
	}

	/** A complaint about a provider was signposted: acknowledged and closed at once. */
	public List<CharterEvent> signpost(SignpostDestination to, String organisation, boolean consentToShare, Instant at,
			Instant now) {
		require("signpost", this.state == ComplaintState.RECEIVED, "it is not awaiting acknowledgement");
		require("signpost", this.kind == ComplaintKind.ABOUT_PROVIDER,
				"a complaint about us follows the complaints procedure");
		Instant when = pastOrNow("signpostedAt", at, this.receivedAt, now);
		this.signposting = new Signposting(to, organisation, when, consentToShare);
		this.closedAt = when;
		this.state = ComplaintState.SIGNPOSTED;
		return List.of(new ComplaintSignposted(EventIds.of(this.complaintId, "signposted"), now, this.complaintId,
				this.handlerId, when, to.name(), consentToShare));
	}

	public List<CharterEvent> close(Instant now) {
		require("close", this.state == ComplaintState.RESPONDED, "only a RESPONDED complaint can be closed");
		this.closedAt = now;
		this.state = ComplaintState.CLOSED;
		String round = Integer.toString(this.escalations.size());
		return List.of(new ComplaintClosed(EventIds.of(this.complaintId, "closed", round), now, this.complaintId,
				this.handlerId, now));
	}

	public List<CharterEvent> withdraw(Instant now) {
		require("withdraw", OPEN.contains(this.state), "it is already closed");
		this.withdrawnAt = now;
		this.closedAt = now;
		this.state = ComplaintState.WITHDRAWN;
		return List.of(new ComplaintWithdrawn(EventIds.of(this.complaintId, "withdrawn"), now, this.complaintId,
				this.handlerId, now));
	}

	public List<CharterEvent> reassign(String newHandlerId, Instant now) {
		require("reassign", OPEN.contains(this.state), "it is closed");
		if (newHandlerId.equals(this.handlerId)) {
			throw new InvalidComplaintException("handlerId", "is already the handler");
		}
		String previous = this.handlerId;
		this.handlerId = newHandlerId;
		return List.of(new ComplaintReassigned(
				EventIds.of(this.complaintId, "reassigned", String.valueOf(previous), newHandlerId, now.toString()),
				now, this.complaintId, previous, newHandlerId, now));
	}

	/** The escalation in progress or last completed; only meaningful once escalated. */
	private Escalation currentEscalation() {
		return this.escalations.get(this.escalations.size() - 1);
	}

	private LocalDate latestExtensionDate(String stage) {
		LocalDate latest = null;
		for (Extension extension : this.extensions) {
			boolean sameStage = (stage == null) ? extension.stage() == null : stage.equals(extension.stage());
			if (sameStage && (latest == null || extension.newDueDate().isAfter(latest))) {
				latest = extension.newDueDate();
			}
		}
		return latest;
	}

	private void require(String action, boolean allowed, String reason) {
		if (!allowed) {
			throw new ComplaintTransitionRefusedException(this.complaintId, this.state, action, reason);
		}
	}

	/**
	 * {@code at}, or now when absent; never in the future nor before {@code notBefore}.
	 */
	private static Instant pastOrNow(String field, Instant at, Instant notBefore, Instant now) {
		Instant when = (at != null) ? at : now;
		if (when.isAfter(now)) {
			throw new InvalidComplaintException(field, "must not be in the future");
		}
		if (notBefore != null && when.isBefore(notBefore)) {
			throw new InvalidComplaintException(field, "must not be before " + notBefore);
		}
		return when;
	}

	public String id() {
		return this.complaintId;
	}

	public ComplaintKind kind() {
		return this.kind;
	}

	public ComplaintState state() {
		return this.state;
	}

	public Channel channel() {
		return this.channel;
	}

	public Instant receivedAt() {
		return this.receivedAt;
	}

	public String handlerId() {
		return this.handlerId;
	}

	public String originContactId() {
		return this.originContactId;
	}

	public String customerId() {
		return this.customerId;
	}

	public CustomerType customerType() {
		return this.customerType;
	}

	public Complainant complainant() {
		return this.complainant;
	}

	public String summary() {
		return this.summary;
	}

	public Instant acknowledgedAt() {
		return this.acknowledgedAt;
	}

	public Integer responseWorkingDays() {
		return this.responseWorkingDays;
	}

	public Instant investigationStartedAt() {
		return this.investigationStartedAt;
	}

	public Instant respondedAt() {
		return this.respondedAt;
	}

	public Outcome outcome() {
		return this.outcome;
	}

	public Boolean apologyGiven() {
		return this.apologyGiven;
	}

	public Instant apologyGivenAt() {
		return this.apologyGivenAt;
	}

	public String actions() {
		return this.actions;
	}

	public String lessonsLearned() {
		return this.lessonsLearned;
	}

	public List<Extension> extensions() {
		return List.copyOf(this.extensions);
	}

	public List<Escalation> escalations() {
		return List.copyOf(this.escalations);
	}

	public Signposting signposting() {
		return this.signposting;
	}

	public Instant closedAt() {
		return this.closedAt;
	}

	public Instant withdrawnAt() {
		return this.withdrawnAt;
	}

}
