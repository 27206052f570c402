package uk.co.healthwatchportsmouth.charter.notification.delivery;

import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import uk.co.healthwatchportsmouth.charter.support.problem.InvalidFieldException;
import uk.co.healthwatchportsmouth.charter.support.problem.NotFoundException;

/** What was sent, is waiting or failed, newest first. */
@Tag(name = "Notifications", description = "Every email owed to staff, recorded before it is sent. Kinds: "
		+ "REMINDER, BREACH, ESCALATION (still unanswered, each working morning) and DEADLINE_CHANGED from sla-service's "
		+ "clocks (for a COMPLAINT_* standard, contactId is the complaint id and the email links to "
		+ "complaints-service); DIGEST (08:30 on working days); and the complaint milestones COMPLAINT_RECEIVED (to "
		+ "the handler), COMPLAINT_ESCALATED (to the handler, their manager copied in) and COMPLAINT_REASSIGNED (to "
		+ "the new handler), whose facts are in complaint.")
@RestController
@RequestMapping("/notifications")
class NotificationController {

	private static final String STATUSES = String.join(", ",
			Arrays.stream(Notification.Status.values()).map(Enum::name).toList());

	private final NotificationDelivery delivery;

	NotificationController(NotificationDelivery delivery) {
		this.delivery = delivery;
	}

	/**
	 * @param recipient a staff id: only notifications to (or copied to) them
	 * @param status {@code PENDING}, {@code SENT}, {@code FAILED} or {@code SUPPRESSED}
	 * (a repeated event, recorded but not sent; {@code duplicateOf} names the original)
	 * @param from an instant, e.g. {@code 2026-11-26T00:00:00Z}: only notifications
	 * recorded then or later
	 * @param limit at most this many, newest first
	 */
	@GetMapping
	List<Notification> list(@RequestParam(required = false) String recipient,
			@RequestParam(required = false) String status, @RequestParam(required = false) Instant from,
			@RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
		return this.delivery.list(blankToNull(recipient), parseStatus(status), from, limit);
	}

	/**
	 * Sends a {@code SENT} or {@code FAILED} notification again, as a new notification
	 * with the same content (its {@code resendOf} names the original) to the assignee as
	 * the staff directory has them now. 404 if there is no such notification, 409 while
	 * it is still pending or if it is a suppressed duplicate (resend the original).
	 */
	@PostMapping("/{id}/resend")
	ResponseEntity<Notification> resend(@PathVariable String id) {
		Notification original = get(id);
		if (original.status() == Notification.Status.PENDING) {
			throw new InvalidFieldException(HttpStatus.CONFLICT, "id",
					"notification " + id + " is still PENDING: it will be sent without being asked");
		}
		if (original.status() == Notification.Status.SUPPRESSED) {
			throw new InvalidFieldException(HttpStatus.CONFLICT, "id", "notification " + id
					+ " is a SUPPRESSED duplicate of " + original.duplicateOf() + ": resend that one instead");
		}
		Notification resent = this.delivery.resend(id);
		return ResponseEntity.created(URI.create("/notifications/" + resent.id())).body(resent);
	}

	@GetMapping("/{id}")
	Notification get(@PathVariable String id) {
		return this.delivery.find(id).orElseThrow(() -> new NotFoundException("No notification with id " + id));
	}

	private static Notification.Status parseStatus(String status) {
		if (status == null || status.isBlank()) {
			return null;
		}
		try {
			return Notification.Status.valueOf(status.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidFieldException("status", "must be one of " + STATUSES);
		}
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text;
	}

}
