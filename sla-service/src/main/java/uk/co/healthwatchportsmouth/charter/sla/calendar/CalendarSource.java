package uk.co.healthwatchportsmouth.charter.sla.calendar;

import java.util.HashSet;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import uk.co.healthwatchportsmouth.charter.calendar.BankHolidays;
import uk.co.healthwatchportsmouth.charter.calendar.OfficeHours;
import uk.co.healthwatchportsmouth.charter.calendar.WorkingCalendar;
import uk.co.healthwatchportsmouth.charter.sla.SlaProperties;

/**
 * The service's current working calendar, built from {@code charter.sla.calendar}: the
 * bank holidays come from the configured gov.uk file on disk when there is one (so
 * operations can drop in a newer copy without a rebuild), otherwise from the copy shipped
 * with the calendar. {@link #reload()} reads the file again.
 */
public class CalendarSource implements Supplier<WorkingCalendar> {

	private final SlaProperties.Calendar settings;

	private final AtomicReference<WorkingCalendar> current = new AtomicReference<>();

	public CalendarSource(SlaProperties.Calendar settings) {
		this.settings = Objects.requireNonNull(settings, "settings");
		this.current.set(build());
	}

	@Override
	public WorkingCalendar get() {
		return this.current.get();
	}

	/**
	 * Builds the calendar again from the file and configuration.
	 * @return the calendar before the reload
	 * @throws IllegalArgumentException when the file is unreadable or not in gov.uk's
	 * format; the current calendar then stays
	 */
	public WorkingCalendar reload() {
		return this.current.getAndSet(build());
	}

	private WorkingCalendar build() {
		BankHolidays holidays = (this.settings.bankHolidaysFile() != null)
				? BankHolidays.fromFile(this.settings.bankHolidaysFile()) : BankHolidays.shipped();
		return new WorkingCalendar(this.settings.zone(),
				new OfficeHours(this.settings.opensAt(), this.settings.closesAt()), holidays,
				new HashSet<>(this.settings.closures()));
	}

}
