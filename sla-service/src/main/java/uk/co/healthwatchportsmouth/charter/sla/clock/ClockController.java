package uk.co.healthwatchportsmouth.charter.sla.clock;

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

	@GetMapping
	List<ClockView> byContact(@RequestParam(required = false) String contactId) {
		if (contactId == null || contactId.isBlank()) {
			throw new InvalidFieldException("contactId", "is required: the contact whose clocks to list");
		}
		return this.store.findByContact(contactId).stream().map(this::view).toList();
	}

	@GetMapping("/{id}")
	ClockView byId(@PathVariable String id) {
		return this.store.find(id).map(this::view).orElseThrow(() -> new NotFoundException("No clock with id " + id));
	}

	private ClockView view(DeadlineClock clock) {
		return ClockView.of(clock, this.calendar.get());
	}

}
