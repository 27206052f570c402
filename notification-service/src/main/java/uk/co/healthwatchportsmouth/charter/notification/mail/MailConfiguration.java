package uk.co.healthwatchportsmouth.charter.notification.mail;

import java.time.Clock;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotificationMailProperties.class)
class MailConfiguration {

	@Bean
	AlertMailComposer alertMailComposer(NotificationMailProperties properties) {
		return new AlertMailComposer(properties.links().intakeBaseUrl(), properties.links().complaintsBaseUrl());
	}

	@Bean
	SmtpMailer smtpMailer(JavaMailSender mailSender, Clock clock) {
		return new SmtpMailer(mailSender, clock);
	}

	@Bean
	GuardedMailer guardedMailer(SmtpMailer smtpMailer, CircuitBreakerRegistry breakers, RetryRegistry retries) {
		return new GuardedMailer(smtpMailer, breakers.circuitBreaker(GuardedMailer.INSTANCE),
				retries.retry(GuardedMailer.INSTANCE));
	}

}
