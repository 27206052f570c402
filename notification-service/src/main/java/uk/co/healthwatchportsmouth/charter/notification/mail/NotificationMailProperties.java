package uk.co.healthwatchportsmouth.charter.notification.mail;

import java.net.URI;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How notification emails are addressed and what they link to. The SMTP server itself is
 * Boot's {@code spring.mail.*}.
 *
 * @param from the sender address, {@code charter.notification.from}
 * @param links where emails point staff to
 */
@Validated
@ConfigurationProperties("charter.notification")
public record NotificationMailProperties(
		@NotBlank @Email @DefaultValue("charter@healthwatchportsmouth.local") String from,
		@NotNull @Valid @DefaultValue Links links) {

	/**
	 * @param intakeBaseUrl intake-service's base URL; emails link to
	 * {@code {intakeBaseUrl}/contacts/{contactId}}
	 * @param complaintsBaseUrl complaints-service's base URL; emails about a complaint
	 * link to {@code {complaintsBaseUrl}/complaints/{complaintId}}
	 */
	public record Links(@NotNull @DefaultValue("http://localhost:8081") URI intakeBaseUrl,
			@NotNull @DefaultValue("http://localhost:8083") URI complaintsBaseUrl) {

	}

}
