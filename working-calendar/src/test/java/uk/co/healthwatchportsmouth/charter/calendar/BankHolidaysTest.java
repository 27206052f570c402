package uk.co.healthwatchportsmouth.charter.calendar;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BankHolidaysTest {

	private static final BankHolidays SHIPPED = BankHolidays.shipped();

	@Test
	void theShippedFileListsEnglandAndWalesFrom2018To2027() {
		assertThat(SHIPPED.listedYears()).containsExactly(2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027);
		assertThat(SHIPPED.listed()).hasSize(83);
	}

	@ParameterizedTest(name = "{0} is {1}")
	@CsvSource(delimiter = ';', textBlock = """
			2020-12-28; Boxing Day (substitute day)
			2021-12-27; Christmas Day (substitute day)
			2021-12-28; Boxing Day (substitute day)
			2022-01-03; New Year's Day (substitute day)
			2022-12-27; Christmas Day (substitute day)
			2023-01-02; New Year's Day (substitute day)
			2026-12-28; Boxing Day (substitute day)
			2027-12-27; Christmas Day (substitute day)
			2027-12-28; Boxing Day (substitute day)
			2020-05-08; Early May bank holiday (VE day)
			2022-06-02; Spring bank holiday
			2022-06-03; Platinum Jubilee bank holiday
			2022-09-19; Bank Holiday for the State Funeral of Queen Elizabeth II
			2023-05-08; Bank holiday for the coronation of King Charles III
			2025-12-25; Christmas Day
			2025-12-26; Boxing Day
			""")
	void substituteAndOneOffHolidaysAreReadFromTheFileWithTheirGovUkWording(LocalDate date, String reason) {
		assertThat(SHIPPED.on(date)).map(BankHoliday::reason).contains(reason);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(ints = { 2024, 2025, 2026, 2027 })
	void theHolidayLibraryAgreesWithGovUkInYearsWithoutOneOffHolidays(int year) {
		assertThat(RuleBasedBankHolidays.forYear(year)).isEqualTo(listedIn(year));
	}

	@Test
	void yearsTheFileDoesNotListAreComputedWithSubstituteDays() {
		assertThat(SHIPPED.on(LocalDate.of(2032, 12, 27))).map(BankHoliday::reason)
			.contains("Christmas Day (substitute day)");
		assertThat(SHIPPED.on(LocalDate.of(2032, 12, 28))).map(BankHoliday::reason)
			.contains("Boxing Day (substitute day)");
		assertThat(SHIPPED.on(LocalDate.of(2033, 4, 15))).map(BankHoliday::reason).contains("Good Friday");
		assertThat(SHIPPED.on(LocalDate.of(2033, 4, 14))).isEmpty();
	}

	@Test
	void everyYearFrom2000To2100HasItsEightRegularBankHolidaysOnWeekdays() {
		IntStream.rangeClosed(2000, 2100).forEach((year) -> {
			Set<LocalDate> holidays = IntStream.rangeClosed(1, LocalDate.of(year, 12, 31).getDayOfYear())
				.mapToObj((day) -> LocalDate.ofYearDay(year, day))
				.filter((date) -> SHIPPED.on(date).isPresent())
				.collect(Collectors.toSet());
			assertThat(holidays).as("bank holidays in %d", year).hasSizeGreaterThanOrEqualTo(8);
			assertThat(holidays).as("bank holidays in %d", year)
				.noneMatch((date) -> date.getDayOfWeek().getValue() >= 6);
		});
	}

	@Test
	void theFileWinsForTheYearsItLists(@TempDir Path dir) throws Exception {
		Path file = dir.resolve("bank-holidays.json");
		Files.writeString(file, """
				{"england-and-wales": {"division": "england-and-wales", "events": [
				  {"title": "Christmas Day", "date": "2030-12-25", "notes": "", "bunting": true},
				  {"title": "A new one-off bank holiday", "date": "2030-07-01", "notes": "", "bunting": true}
				]}}
				""");
		BankHolidays newer = BankHolidays.fromFile(file);
		assertThat(newer.on(LocalDate.of(2030, 7, 1))).map(BankHoliday::reason).contains("A new one-off bank holiday");
		assertThat(newer.on(LocalDate.of(2030, 12, 26))).as("not listed in a listed year").isEmpty();
		assertThat(newer.on(LocalDate.of(2031, 12, 26))).as("computed year").isPresent();
		assertThat(newer.fingerprint()).isNotEqualTo(SHIPPED.fingerprint());
	}

	@Test
	void theSameHolidaysGiveTheSameFingerprint() {
		assertThat(BankHolidays.shipped().fingerprint()).isEqualTo(SHIPPED.fingerprint());
	}

	@ParameterizedTest
	@ValueSource(strings = { "not json", "{}",
			"{\"england-and-wales\": {\"events\": [{\"title\": \"X\", \"date\": \"2030-13-01\"}]}}",
			"{\"england-and-wales\": {\"events\": [{\"date\": \"2030-12-01\"}]}}" })
	void aFileNotInGovUkFormatIsRejected(String json) {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> BankHolidays.fromJson(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))));
	}

	private static Map<LocalDate, BankHoliday> listedIn(int year) {
		return SHIPPED.listed()
			.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().getYear() == year)
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

}
