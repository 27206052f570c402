package uk.co.healthwatchportsmouth.charter.sla.admin;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import uk.co.healthwatchportsmouth.charter.support.clock.SharedVirtualClock;
import uk.co.healthwatchportsmouth.charter.support.problem.InvalidFieldException;

/**
 * Moves the local stack's shared virtual clock, so a demonstration can skip to a reminder
 * or a breach. Exists only under the {@code local} profile, which also switches the clock
 * to virtual; timers that fall due fire within the scheduler's wake-up interval.
 */
@Profile("local")
@RestController
@RequestMapping("/admin/clock")
class VirtualClockController {

	record ClockReading(Instant now, String offset) {

	}

	record Advanced(Instant now) {

	}

	private final SharedVirtualClock shared;

	VirtualClockController(SharedVirtualClock shared) {
		this.shared = shared;
	}

	@GetMapping
	ClockReading read() {
		return new ClockReading(this.shared.clock().instant(), this.shared.clock().offset().toString());
	}

	/**
	 * Advances by an ISO-8601 duration ({@code by=P2D}) or to an instant
	 * ({@code to=2026-12-01T17:00:00Z}).
	 */
	@PostMapping("/advance")
	Advanced advance(@RequestParam(required = false) String by, @RequestParam(required = false) String to) {
		if ((by == null) == (to == null)) {
			throw new InvalidFieldException("by",
					"give either by (an ISO-8601 duration such as P2D) or to (an instant such as 2026-12-01T17:00:00Z)");
		}
		Duration step = (by != null) ? duration(by) : untilInstant(to);
		return new Advanced(this.shared.advance(step));
	}

	private static Duration duration(String by) {
		Duration step;
		try {
			step = Duration.parse(by);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidFieldException("by", "is not an ISO-8601 duration such as P2D or PT3H");
		}
		if (step.isNegative()) {
			throw new InvalidFieldException("by", "must not be negative: the clock only moves forward");
		}
		return step;
	}

	private Duration untilInstant(String to) {
		Instant target;
		try {
			target = Instant.parse(to);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidFieldException("to", "is not an ISO-8601 instant such as 2026-12-01T17:00:00Z");
		}
		Duration step = Duration.between(this.shared.clock().instant(), target);
		if (step.isNegative()) {
			throw new InvalidFieldException("to", "is in the past: the clock only moves forward");
		}
		return step;
	}

}
