package uk.co.healthwatchportsmouth.charter.sla.clock;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import uk.co.healthwatchportsmouth.charter.sla.calendar.CalendarSource;
import uk.co.healthwatchportsmouth.charter.support.problem.InvalidFieldException;
import uk.co.healthwatchportsmouth.charter.support.problem.NotFoundException;

/** Read-only view of the deadline clocks. */
@RestController
@RequestMapping("/clocks")
class ClockController {

	private final ClockStore store;

	private final CalendarSource calendar;

	ClockController(ClockStore store, CalendarSource calendar) {
		this.store = store;
		this.calendar = calendar;
	}

	static final int DEFAULT_PAGE_SIZE = 50;

	static final int MAX_PAGE_SIZE = 500;

	/**
	 * The clocks matching every filter given (all clocks without one), a page at a time:
	 * the "my queue" view in deadline order, or one contact's clocks in the order they
	 * started.
	 */
	@GetMapping
	List<ClockView> list(@RequestParam(required = false) String contactId,
			@RequestParam(required = false) String assigneeId, @RequestParam(required = false) String state,
			@RequestParam(required = false) String standard, @RequestParam(required = false) String dueBefore,
			@RequestParam(required = false) String page, @RequestParam(required = false) String size) {
		ClockFilter filter = new ClockFilter(notBlank("contactId", contactId), notBlank("assigneeId", assigneeId),
				state(state), notBlank("standard", standard), instant("dueBefore", dueBefore));
		int pageNumber = number("page", page, 0, 0, Integer.MAX_VALUE / MAX_PAGE_SIZE);
		int pageSize = number("size", size, DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
		return this.store.list(filter, pageNumber, pageSize).stream().map(this::view).toList();
	}

	@GetMapping("/{id}")
	ClockView byId(@PathVariable String id) {
		return this.store.find(id).map(this::view).orElseThrow(() -> new NotFoundException("No clock with id " + id));
	}

	private static String notBlank(String field, String value) {
		if (value != null && value.isBlank()) {
			throw new InvalidFieldException(field, "must not be blank when given");
		}
		return value;
	}

	private static ClockState state(String value) {
		if (notBlank("state", value) == null) {
			return null;
		}
		try {
			return ClockState.valueOf(value);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidFieldException("state", "must be one of " + Arrays.toString(ClockState.values()));
		}
	}

	private static Instant instant(String field, String value) {
		if (notBlank(field, value) == null) {
			return null;
		}
		try {
			return Instant.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidFieldException(field, "must be an ISO-8601 instant such as 2026-03-02T17:00:00Z");
		}
	}

	private static int number(String field, String value, int absent, int min, int max) {
		if (notBlank(field, value) == null) {
			return absent;
		}
		try {
			int number = Integer.parseInt(value.strip());
			if (number >= min && number <= max) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// answered below, as for a number out of range
		}
		throw new InvalidFieldException(field, "must be a whole number from " + min + " to " + max);
	}

	private ClockView view(DeadlineClock clock) {
		return ClockView.of(clock, this.calendar.get());
	}

}
