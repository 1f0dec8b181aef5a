/**
 * Each person's calendar feed at a secret address: scheduled review visits, meetings, and the
 * deadlines of written procedures on texts the person may see.
 */
package org.kimberleyprocess.portal.calendar;
