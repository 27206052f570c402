package uk.co.healthwatchportsmouth.charter.sla.preview;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import uk.co.healthwatchportsmouth.charter.calendar.SkippedDay;
import uk.co.healthwatchportsmouth.charter.sla.standard.CharterStandards;
import uk.co.healthwatchportsmouth.charter.sla.standard.DeadlinePlan;
import uk.co.healthwatchportsmouth.charter.sla.standard.Standard;
import uk.co.healthwatchportsmouth.charter.sla.standard.StandardKind;
import uk.co.healthwatchportsmouth.charter.support.problem.InvalidFieldException;

/**
 * Explains a deadline before any clock exists: when a contact received at an instant
 * under a standard would be due, which working days count, which days are skipped and
 * why, and when the assignee would be reminded.
 */
@RestController
@RequestMapping("/deadlines")
class DeadlinePreviewController {

	/**
	 * @param workingDays how many working days were counted (0 for promised times and
	 * daily checks)
	 */
	record Preview(String standard, int standardVersion, StandardKind kind, Instant receivedAt, Instant promisedAt,
			Instant dueAt, LocalDate countingDay, int workingDays, List<LocalDate> workingDaysCounted,
			List<SkippedDay> skippedDays, List<Instant> reminders) {

	}

	private final CharterStandards standards;

	DeadlinePreviewController(CharterStandards standards) {
		this.standards = standards;
	}

	/**
	 * {@code GET /deadlines/preview?standard=EMAIL&receivedAt=2025-12-24T16:30:00Z}; a
	 * PROMISED_RESPONSE also needs {@code promisedAt}. A channel name (WEB_FORM) is
	 * accepted for the standard that covers it.
	 */
	@GetMapping("/preview")
	Preview preview(@RequestParam(required = false) String standard, @RequestParam(required = false) String receivedAt,
			@RequestParam(required = false) String promisedAt) {
		if (standard == null || standard.isBlank()) {
			throw new InvalidFieldException("standard", "is required, one of " + this.standards.names());
		}
		Standard rule = this.standards.standardNamed(standard.strip())
			.orElseThrow(() -> new InvalidFieldException("standard",
					"'" + standard + "' is not a charter standard; one of " + this.standards.names()));
		Instant received = instant("receivedAt", receivedAt, true);
		Instant promised = instant("promisedAt", promisedAt, rule.kind() == StandardKind.PROMISED);
		if (promised != null && rule.kind() == StandardKind.PROMISED && !promised.isAfter(received)) {
			throw new InvalidFieldException("promisedAt", "must come after receivedAt");
		}
		DeadlinePlan plan = this.standards.plan(rule, received, promised);
		return new Preview(rule.name(), rule.version(), rule.kind(), received,
				(rule.kind() == StandardKind.PROMISED) ? promised : null, plan.deadline().dueAt(), plan.countingDay(),
				plan.workingDaysCounted().size(), plan.workingDaysCounted(), plan.skippedDays(),
				plan.deadline().reminders());
	}

	private static Instant instant(String field, String value, boolean required) {
		if (value == null || value.isBlank()) {
			if (required) {
				throw new InvalidFieldException(field, "is required: an ISO-8601 instant such as 2025-12-24T16:30:00Z");
			}
			return null;
		}
		try {
			return Instant.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidFieldException(field,
					"'" + value + "' is not an ISO-8601 instant such as 2025-12-24T16:30:00Z");
		}
	}

}
