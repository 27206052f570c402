package uk.co.healthwatchportsmouth.charter.notification.digest;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.co.healthwatchportsmouth.charter.calendar.WorkingCalendar;
import uk.co.healthwatchportsmouth.charter.notification.delivery.NotificationDelivery;
import uk.co.healthwatchportsmouth.charter.notification.mail.DigestLine;
import uk.co.healthwatchportsmouth.charter.notification.staff.StaffMember;
import uk.co.healthwatchportsmouth.charter.notification.staff.StaffRoster;

/**
 * On each working day from {@code sendAt} (08:30 London) until the office closes, records
 * and sends one digest per active staff member who has something overdue or due that day.
 * Checked often by the clock the service runs on; a digest's id comes from the person and
 * the day, so a restart or a second instance sends nothing twice.
 */
public class MorningDigest {

	private static final Logger log = LoggerFactory.getLogger(MorningDigest.class);

	private final OpenClocks clocks;

	private final StaffRoster staff;

	private final NotificationDelivery delivery;

	private final WorkingCalendar calendar;

	private final DigestProperties properties;

	private final Clock clock;

	private volatile LocalDate lastDone;

	public MorningDigest(OpenClocks clocks, StaffRoster staff, NotificationDelivery delivery, WorkingCalendar calendar,
			DigestProperties properties, Clock clock) {
		this.clocks = clocks;
		this.staff = staff;
		this.delivery = delivery;
		this.calendar = calendar;
		this.properties = properties;
		this.clock = clock;
	}

	/** Sends today's digests if it is time and they have not gone yet. */
	public void sendIfDue() {
		Instant now = this.clock.instant();
		ZonedDateTime local = now.atZone(this.calendar.zone());
		LocalDate today = local.toLocalDate();
		if (today.equals(this.lastDone) || !this.calendar.isWorkingDay(today)
				|| local.toLocalTime().isBefore(this.properties.sendAt())
				|| !now.isBefore(this.calendar.closingTime(today))) {
			return;
		}
		try {
			List<OpenClock> open = this.clocks.all();
			int sent = 0;
			for (StaffMember member : this.staff.list()) {
				if (!member.active()) {
					continue;
				}
				List<DigestLine> lines = DigestPlan.linesFor(member.id(), open, now, today, this.calendar.zone());
				if (!lines.isEmpty() && this.delivery.recordDigest(member, today, lines)) {
					sent++;
				}
			}
			this.lastDone = today;
			log.info("Morning digests for {}: {} recorded", today, sent);
		}
		catch (RuntimeException ex) {
			log.warn("Morning digests for {} failed; trying again on the next check", today, ex);
		}
	}

}
