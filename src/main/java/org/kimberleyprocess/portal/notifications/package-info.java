/**
 * Notifications: what the other modules announce, turned into an inbox entry for each person
 * concerned and, by each person's preference, an email at once or in a daily digest; reminders
 * before written-procedure deadlines. Events are delivered through Spring Modulith's event
 * publication registry, so a listener that failed is retried, and email is retried with backoff.
 */
package org.kimberleyprocess.portal.notifications;
