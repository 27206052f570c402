package uk.co.healthwatchportsmouth.charter.notification.staff;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class StaffDirectoryTest {

	private static final StaffMember JO = new StaffMember("jo", "Jo", "jo@charter.local", "enquiries", "sam", true);

	private static final StaffMember SAM = new StaffMember("sam", "Sam", "sam@charter.local", "enquiries", null, true);

	@Test
	void findsStaffAndTheirManagersById() {
		StaffDirectory directory = new StaffDirectory(List.of(JO, SAM));

		assertThat(directory.find("jo")).contains(JO);
		assertThat(directory.managerOf(JO)).contains(SAM);
		assertThat(directory.managerOf(SAM)).isEmpty();
		assertThat(directory.find("nobody")).isEmpty();
	}

	@Test
	void refusesTheSameIdTwice() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new StaffDirectory(
					List.of(SAM, JO, new StaffMember("jo", "Joanne", "joanne@charter.local", null, null, true))))
			.withMessageContaining("'jo'");
	}

	@Test
	void refusesAManagerWhoIsNotListed() {
		assertThatIllegalArgumentException().isThrownBy(() -> new StaffDirectory(List.of(JO)))
			.withMessageContaining("manager 'sam'");
	}

	@Test
	void refusesSomeoneManagingThemselves() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new StaffDirectory(
					List.of(new StaffMember("sam", "Sam", "sam@charter.local", null, "sam", true))))
			.withMessageContaining("own manager");
	}

}
