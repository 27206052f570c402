package uk.co.healthwatchportsmouth.charter.notification.delivery;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class SmtpReplyLoggingTest {

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = {
					"The SMTP server refused the email (550): 550 5.1.1 <jo.bloggs@example.org>: unknown user|"
							+ "The SMTP server refused the email (550): 550 5.1.1 <<address>>: unknown user",
					"Invalid Addresses; nested exception: sam@hw-portsmouth.org.uk, ops@example.org|"
							+ "Invalid Addresses; nested exception: <address>, <address>",
					"The SMTP server could not be reached: Connection refused|"
							+ "The SMTP server could not be reached: Connection refused" })
	void smtpRepliesAreLoggedWithoutTheAddressesTheyQuote(String reply, String logged) {
		assertThat(NotificationDelivery.withoutAddresses(reply)).isEqualTo(logged);
	}

}
