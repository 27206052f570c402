package uk.co.healthwatchportsmouth.charter.sla.admin;

import java.io.UncheckedIOException;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import uk.co.healthwatchportsmouth.charter.sla.calendar.CalendarRecomputation;
import uk.co.healthwatchportsmouth.charter.support.problem.InvalidFieldException;

/**
 * Lets operations apply a replaced bank-holiday file without a restart:
 * {@code POST /admin/calendar/reload}. Every open clock whose deadline moves is updated
 * and announced with {@code sla.deadline-changed.v1}.
 */
@RestController
@RequestMapping("/admin/calendar")
class CalendarAdminController {

	private final CalendarRecomputation recomputation;

	CalendarAdminController(CalendarRecomputation recomputation) {
		this.recomputation = recomputation;
	}

	@PostMapping("/reload")
	CalendarRecomputation.Outcome reload() {
		try {
			return this.recomputation.reload();
		}
		catch (IllegalArgumentException | UncheckedIOException ex) {
			throw new InvalidFieldException(HttpStatus.UNPROCESSABLE_CONTENT, "charter.sla.calendar.bank-holidays-file",
					ex.getMessage());
		}
	}

}
