package uk.co.healthwatchportsmouth.charter.intake.answerphone;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import uk.co.healthwatchportsmouth.charter.contracts.AnswerphoneChecked;
import uk.co.healthwatchportsmouth.charter.contracts.EventIds;
import uk.co.healthwatchportsmouth.charter.support.outbox.EventOutbox;
import uk.co.healthwatchportsmouth.charter.support.outbox.PendingEvent;
import uk.co.healthwatchportsmouth.charter.support.problem.InvalidFieldException;
import uk.co.healthwatchportsmouth.charter.support.security.ActingStaff;

/**
 * The daily answerphone check: staff record that they listened to the answerphone and how
 * many messages they found (each then logged as an ANSWERPHONE contact). Published as
 * contact.answerphone-checked.v1 under the synthetic key {@value AnswerphoneChecked#KEY},
 * through the same outbox as contacts.
 */
@RestController
@Tag(name = "Answerphone", description = "The daily answerphone check")
@org.springframework.validation.annotation.Validated
class AnswerphoneCheckController {

	static final String COLLECTION = "answerphone-checks";

	private static final Logger log = LoggerFactory.getLogger(AnswerphoneCheckController.class);

	private final MongoTemplate mongo;

	private final EventOutbox outbox;

	private final Clock clock;

	AnswerphoneCheckController(MongoTemplate mongo, EventOutbox outbox, Clock clock) {
		this.mongo = mongo;
		this.outbox = outbox;
		this.clock = clock;
	}

	record CheckRequest(
			@Schema(description = "When the answerphone was checked (UTC); defaults to now.",
					example = "2026-11-24T09:00:00Z") Instant checkedAt,
			@Schema(description = "How many recorded messages were found.",
					example = "3") @NotNull @Min(0) @Max(1000) Integer messagesFound) {
	}

	@Document(COLLECTION)
	record AnswerphoneCheck(@Id String id, Instant checkedAt, String checkedBy, int messagesFound,
			List<PendingEvent> outbox) {
	}

	@EventListener(ApplicationReadyEvent.class)
	void watchOutbox() {
		this.outbox.watch(COLLECTION);
	}

	@PostMapping("/answerphone/checks")
	@Operation(summary = "Record the daily answerphone check",
			description = "Publishes contact.answerphone-checked.v1 keyed 'answerphone-check'.")
	ResponseEntity<AnswerphoneCheck> check(@Valid @RequestBody CheckRequest request,
			@RequestHeader(name = ActingStaff.HEADER,
					required = false) @Pattern(regexp = "[a-z0-9._-]{1,64}") String staffHeader) {
		String staffId = ActingStaff.id(staffHeader);
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		Instant at = (request.checkedAt() != null) ? request.checkedAt().truncatedTo(ChronoUnit.MILLIS) : now;
		if (at.isAfter(now)) {
			throw new InvalidFieldException("checkedAt", "must not be in the future");
		}
		String id = UUID.randomUUID().toString();
		AnswerphoneChecked event = new AnswerphoneChecked(EventIds.of(AnswerphoneChecked.KEY, id), now, at, staffId,
				request.messagesFound());
		AnswerphoneCheck check = new AnswerphoneCheck(id, at, staffId, request.messagesFound(),
				List.of(PendingEvent.of(event)));
		this.mongo.insert(check);
		this.outbox.publishSoon(COLLECTION, id);
		log.info("Answerphone checked at {} by {}: {} message(s)", at, staffId, request.messagesFound());
		return ResponseEntity.created(URI.create("/answerphone/checks/" + id))
			.body(new AnswerphoneCheck(id, at, staffId, request.messagesFound(), null));
	}

}
