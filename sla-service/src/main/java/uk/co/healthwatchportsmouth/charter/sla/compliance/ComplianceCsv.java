package uk.co.healthwatchportsmouth.charter.sla.compliance;

import java.util.List;
import java.util.Objects;

/** The compliance rows as CSV with a header row; empty cells where a value is absent. */
public final class ComplianceCsv {

	static final String HEADER = "standard,month,met,breached,open,cancelled,median_time_to_respond,"
			+ "p90_time_to_respond,first_contact_resolution_rate";

	private ComplianceCsv() {
	}

	public static String of(List<ComplianceRow> rows) {
		StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
		for (ComplianceRow row : rows) {
			csv.append(cell(row.standard()))
				.append(',')
				.append(row.month())
				.append(',')
				.append(row.met())
				.append(',')
				.append(row.breached())
				.append(',')
				.append(row.open())
				.append(',')
				.append(row.cancelled())
				.append(',')
				.append(Objects.toString(row.medianTimeToRespond(), ""))
				.append(',')
				.append(Objects.toString(row.p90TimeToRespond(), ""))
				.append(',')
				.append(Objects.toString(row.firstContactResolutionRate(), ""))
				.append("\r\n");
		}
		return csv.toString();
	}

	private static String cell(String value) {
		if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
			return '"' + value.replace("\"", "\"\"") + '"';
		}
		return value;
	}

}
