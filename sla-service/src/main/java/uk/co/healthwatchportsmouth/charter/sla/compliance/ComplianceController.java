package uk.co.healthwatchportsmouth.charter.sla.compliance;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import uk.co.healthwatchportsmouth.charter.calendar.WorkingCalendar;
import uk.co.healthwatchportsmouth.charter.sla.clock.ClockStore;
import uk.co.healthwatchportsmouth.charter.sla.clock.DeadlineClock;
import uk.co.healthwatchportsmouth.charter.sla.standard.CharterStandards;
import uk.co.healthwatchportsmouth.charter.support.problem.InvalidFieldException;

/** Charter compliance over a period of calendar days, as JSON or CSV. */
@RestController
class ComplianceController {

	static final int MAX_DAYS = 366;

	static final MediaType CSV = MediaType.parseMediaType("text/csv");

	private final ClockStore store;

	private final CharterStandards standards;

	ComplianceController(ClockStore store, CharterStandards standards) {
		this.store = store;
		this.standards = standards;
	}

	/**
	 * @param from first calendar day (Europe/London) of the period
	 * @param to last calendar day of the period, inclusive
	 */
	@GetMapping("/compliance")
	ResponseEntity<?> compliance(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestHeader(name = "Accept", required = false) String accept) {
		LocalDate first = day("from", from);
		LocalDate last = day("to", to);
		if (last.isBefore(first)) {
			throw new InvalidFieldException("to", "must not be before from");
		}
		if (ChronoUnit.DAYS.between(first, last) + 1 > MAX_DAYS) {
			throw new InvalidFieldException("to", "the period may span at most " + MAX_DAYS + " days");
		}
		WorkingCalendar calendar = this.standards.calendar();
		ZoneId zone = calendar.zone();
		List<ClockOutcome> clocks;
		try (Stream<DeadlineClock> due = this.store.dueBetween(first.atStartOfDay(zone).toInstant(),
				last.plusDays(1).atStartOfDay(zone).toInstant())) {
			clocks = due.map(ClockOutcome::of).toList();
		}
		List<ComplianceRow> rows = ComplianceReport.of(clocks, first, last, this.standards.names(), calendar);
		if (wantsCsv(accept)) {
			return ResponseEntity.ok().contentType(CSV).body(ComplianceCsv.of(rows));
		}
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.body(new ComplianceView(first, last, zone.getId(), rows));
	}

	/** The report as JSON: the period, the zone its days and months are in, the rows. */
	record ComplianceView(LocalDate from, LocalDate to, String zone, List<ComplianceRow> rows) {

	}

	private static boolean wantsCsv(String accept) {
		if (accept == null) {
			return false;
		}
		return MediaType.parseMediaTypes(accept)
			.stream()
			.anyMatch((type) -> !type.isWildcardType() && type.isCompatibleWith(CSV));
	}

	private static LocalDate day(String field, String value) {
		if (value == null || value.isBlank()) {
			throw new InvalidFieldException(field, "is required: an ISO date such as 2026-03-01");
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidFieldException(field, "must be an ISO date such as 2026-03-01");
		}
	}

}
