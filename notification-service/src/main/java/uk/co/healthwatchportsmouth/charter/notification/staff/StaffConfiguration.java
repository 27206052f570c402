package uk.co.healthwatchportsmouth.charter.notification.staff;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StaffProperties.class)
class StaffConfiguration {

	@Bean
	StaffDirectory staffDirectory(StaffProperties properties) {
		return properties.toDirectory();
	}

}
