package org.kimberleyprocess.portal.notifications;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * When this module's jobs run: every node schedules them, and the lock of each (a row of the
 * {@code shedlock} table) lets one node at a time run it. Each job also guards its own writes
 * (a claim committed before an email goes, a row per reminder, digested notifications marked in
 * the digest's transaction, a publication marked as resubmitted before it goes again), so a
 * second node that gets past a lock held too long does no harm. The jobs' work stays callable on
 * its own, without the lock, as the tests do at the times they set.
 */
@Component
class NotificationSchedule {

	private final Mailer mailer;

	private final Digests digests;

	private final Reminders reminders;

	private final Resubmission resubmission;

	NotificationSchedule(Mailer mailer, Digests digests, Reminders reminders, Resubmission resubmission) {
		this.mailer = mailer;
		this.digests = digests;
		this.reminders = reminders;
		this.resubmission = resubmission;
	}

	@Scheduled(fixedDelayString = "${portal.mail.send-interval:PT30S}",
			initialDelayString = "${portal.mail.send-interval:PT30S}")
	@SchedulerLock(name = "mail-delivery", lockAtMostFor = "PT30M", lockAtLeastFor = "PT5S")
	void deliverMail() {
		this.mailer.deliverDue();
	}

	/** Every node's clock strikes the hour at about the same moment: the lock outlasts their drift. */
	@Scheduled(cron = "${portal.mail.digest-cron:0 0 * * * *}", zone = "UTC")
	@SchedulerLock(name = "daily-digest", lockAtMostFor = "PT30M", lockAtLeastFor = "PT5M")
	void sendDigests() {
		this.digests.send();
	}

	@Scheduled(fixedDelayString = "${portal.notifications.reminder-check:PT5M}",
			initialDelayString = "${portal.notifications.reminder-check:PT5M}")
	@SchedulerLock(name = "deadline-reminders", lockAtMostFor = "PT10M", lockAtLeastFor = "PT30S")
	void remind() {
		this.reminders.remind();
	}

	/**
	 * Held at least half a minute: the listeners it starts run on after it returns, and a run on
	 * another node right after would find their publications still incomplete and start them again.
	 */
	@Scheduled(fixedDelayString = "${portal.notifications.resubmit-check:PT1M}", initialDelayString = "PT1M")
	@SchedulerLock(name = "event-resubmission", lockAtMostFor = "PT10M", lockAtLeastFor = "PT30S")
	void resubmitStale() {
		this.resubmission.resubmitStale();
	}

}
