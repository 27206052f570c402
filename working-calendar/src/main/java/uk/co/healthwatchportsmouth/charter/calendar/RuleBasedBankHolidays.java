package uk.co.healthwatchportsmouth.charter.calendar;

import java.time.LocalDate;
import java.time.Year;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;

/**
 * England and Wales bank holidays from jollyday's rules, for years the gov.uk file does
 * not list. Titles are reworded the way gov.uk words them so reasons read the same
 * whichever source answered.
 */
final class RuleBasedBankHolidays {

	private static final String ENGLAND = "eng";

	private static final Map<String, String> GOV_UK_TITLES = Map.of("christmas", "Christmas Day", "new year",
			"New Year's Day", "early may bank holiday", "Early May bank holiday", "spring bank holiday",
			"Spring bank holiday", "summer bank holiday", "Summer bank holiday");

	private RuleBasedBankHolidays() {
	}

	static Map<LocalDate, BankHoliday> forYear(int year) {
		HolidayManager manager = Holder.MANAGER;
		Map<LocalDate, BankHoliday> holidays = new HashMap<>();
		for (Holiday holiday : manager.getHolidays(Year.of(year), ENGLAND)) {
			String title = govUkTitle(holiday.getDescription(Locale.UK));
			// getDate() is the day off: the substitute Monday when the holiday itself
			// falls at a weekend
			LocalDate dayOff = holiday.getDate();
			boolean substitute = !dayOff.equals(holiday.getActualDate());
			holidays.put(dayOff, new BankHoliday(dayOff, title, substitute ? "Substitute day" : ""));
		}
		return holidays;
	}

	private static String govUkTitle(String description) {
		return GOV_UK_TITLES.getOrDefault(description.toLowerCase(Locale.UK), description);
	}

	private static final class Holder {

		static final HolidayManager MANAGER = HolidayManager
			.getInstance(ManagerParameters.create(HolidayCalendar.UNITED_KINGDOM));

	}

}
