package uk.co.healthwatchportsmouth.charter.notification.staff;

import java.io.IOException;

import org.junit.jupiter.api.Test;

import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

class StaffPropertiesTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(StaffConfiguration.class);

	@Test
	void theLocalProfileSeedsJoManagedBySam() {
		this.runner.withInitializer((context) -> {
			try {
				new YamlPropertySourceLoader()
					.load("application-local.yml", new ClassPathResource("application-local.yml"))
					.forEach(context.getEnvironment().getPropertySources()::addFirst);
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		}).run((context) -> {
			StaffDirectory directory = context.getBean(StaffDirectory.class);
			assertThat(directory.find("jo"))
				.contains(new StaffMember("jo", "Jo", "jo@charter.local", "enquiries", "sam", true));
			assertThat(directory.find("sam"))
				.contains(new StaffMember("sam", "Sam", "sam@charter.local", "enquiries", null, true));
			assertThat(directory.members()).hasSize(2);
		});
	}

	@Test
	void staffAreActiveUnlessSaidOtherwise() {
		this.runner
			.withPropertyValues("charter.notification.staff[0].id=ali", "charter.notification.staff[0].name=Ali",
					"charter.notification.staff[0].email=ali@charter.local", "charter.notification.staff[1].id=bo",
					"charter.notification.staff[1].name=Bo", "charter.notification.staff[1].email=bo@charter.local",
					"charter.notification.staff[1].active=false")
			.run((context) -> {
				StaffDirectory directory = context.getBean(StaffDirectory.class);
				assertThat(directory.find("ali")).get().extracting(StaffMember::active).isEqualTo(true);
				assertThat(directory.find("bo")).get().extracting(StaffMember::active).isEqualTo(false);
			});
	}

	@Test
	void aStaffMemberWithoutAUsableEmailAddressStopsTheStart() {
		this.runner
			.withPropertyValues("charter.notification.staff[0].id=ali", "charter.notification.staff[0].name=Ali",
					"charter.notification.staff[0].email=not-an-address")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("staff[0].email"));
	}

	@Test
	void aManagerWhoIsNotListedStopsTheStart() {
		this.runner
			.withPropertyValues("charter.notification.staff[0].id=ali", "charter.notification.staff[0].name=Ali",
					"charter.notification.staff[0].email=ali@charter.local",
					"charter.notification.staff[0].manager-id=ghost")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("manager 'ghost'"));
	}

	@Test
	void noStaffConfiguredMeansAnEmptyDirectory() {
		this.runner.run((context) -> assertThat(context.getBean(StaffDirectory.class).members()).isEmpty());
	}

}
