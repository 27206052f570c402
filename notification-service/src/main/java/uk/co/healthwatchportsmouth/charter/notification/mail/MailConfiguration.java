package uk.co.healthwatchportsmouth.charter.notification.mail;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotificationMailProperties.class)
class MailConfiguration {

	@Bean
	AlertMailComposer alertMailComposer(NotificationMailProperties properties) {
		return new AlertMailComposer(properties.links().intakeBaseUrl());
	}

	@Bean
	SmtpMailer smtpMailer(JavaMailSender mailSender, Clock clock) {
		return new SmtpMailer(mailSender, clock);
	}

}
