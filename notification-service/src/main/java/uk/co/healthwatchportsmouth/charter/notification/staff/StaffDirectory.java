package uk.co.healthwatchportsmouth.charter.notification.staff;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Looks staff up by the ids events carry. Built from configuration (the seed), where a
 * directory whose ids clash or whose managers do not exist is refused, so a typo fails
 * the start-up rather than a breach email; and from the stored directory for each
 * notification ({@link #tolerant(Collection)}).
 */
public final class StaffDirectory {

	private final Map<String, StaffMember> byId = new LinkedHashMap<>();

	private StaffDirectory() {
	}

	/**
	 * A snapshot of the stored directory, which the API keeps consistent: a manager
	 * missing anyway only drops the Cc rather than every notification.
	 */
	public static StaffDirectory tolerant(Collection<StaffMember> members) {
		StaffDirectory directory = new StaffDirectory();
		members.forEach((member) -> directory.byId.putIfAbsent(member.id(), member));
		return directory;
	}

	public StaffDirectory(Collection<StaffMember> members) {
		for (StaffMember member : members) {
			if (this.byId.putIfAbsent(member.id(), member) != null) {
				throw new IllegalArgumentException("Staff id '" + member.id() + "' is listed more than once");
			}
		}
		for (StaffMember member : members) {
			String managerId = member.managerId();
			if (managerId == null) {
				continue;
			}
			if (managerId.equals(member.id())) {
				throw new IllegalArgumentException("Staff member '" + member.id() + "' cannot be their own manager");
			}
			if (!this.byId.containsKey(managerId)) {
				throw new IllegalArgumentException(
						"Staff member '" + member.id() + "' has manager '" + managerId + "', who is not listed");
			}
		}
	}

	public Optional<StaffMember> find(String id) {
		return Optional.ofNullable(this.byId.get(id));
	}

	public Optional<StaffMember> managerOf(StaffMember member) {
		return (member.managerId() != null) ? find(member.managerId()) : Optional.empty();
	}

	public List<StaffMember> members() {
		return List.copyOf(this.byId.values());
	}

}
